package cn.zhaoshang.appeal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.appeal.EnterpriseAppeal.Var;

/**
 * On 受理 ({@code complete}): ACCEPT names the department it is assigned to (交办); REJECT needs the reason. On 办理并答复:
 * the answer is required. The 7 working days run from receipt (set at registration), not from acceptance.
 */
@Component(EnterpriseAppeal.Bean.RECORD_APPEAL_STEP)
class RecordAppealStepListener implements TaskListener {

    static final List<String> DEPARTMENTS = List.of(Groups.DEPT_DRC, Groups.DEPT_ENV, Groups.DEPT_EMERGENCY, Groups.DEPT_NR,
            Groups.CARRIER, Groups.INVESTMENT_CENTER);

    private final AppealMapper appeals;

    RecordAppealStepListener(AppealMapper appeals) {
        this.appeals = appeals;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        long appealId = ((Number) task.getVariable(Var.APPEAL_ID)).longValue();
        List<FieldError> errors = new ArrayList<>();
        if (EnterpriseAppeal.Step.ACCEPT.equals(task.getTaskDefinitionKey())) {
            String decision = FormValues.text(task.getVariable(Var.DECISION));
            String group = FormValues.text(task.getVariable(Var.ASSIGNED_GROUP));
            if ("ACCEPT".equals(decision)) {
                if (group == null || !DEPARTMENTS.contains(group)) {
                    errors.add(new FieldError(Var.ASSIGNED_GROUP, "请选择交办部门 / assignedGroup must be one of " + DEPARTMENTS));
                }
            } else if ("REJECT".equals(decision)) {
                FormValues.requireText(errors, Var.OPINION, FormValues.text(task.getVariable(Var.OPINION)), 2000, "不予受理理由");
            } else {
                errors.add(new FieldError(Var.DECISION, "请选择受理（ACCEPT）或不予受理（REJECT）/ decision must be ACCEPT or REJECT"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            if ("ACCEPT".equals(decision)) {
                appeals.assign(appealId, group);
            }
        } else {
            FormValues.requireText(errors, Var.ANSWER, FormValues.text(task.getVariable(Var.ANSWER)), 4000, "答复内容");
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
    }
}
