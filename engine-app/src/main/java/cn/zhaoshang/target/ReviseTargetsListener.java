package cn.zhaoshang.target;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.target.Targets.Var;

/** On 修改目标任务方案 ({@code complete}): RESUBMIT to the county head, or WITHDRAW with the reason. */
@Component(Targets.Bean.REVISE)
class ReviseTargetsListener implements TaskListener {

    private final TargetMapper targets;

    ReviseTargetsListener(TargetMapper targets) {
        this.targets = targets;
    }

    @Override
    public void notify(DelegateTask task) {
        long planId = ((Number) task.getVariable(Var.PLAN_ID)).longValue();
        String decision = FormValues.text(task.getVariable(Var.DECISION));
        String note = FormValues.text(task.getVariable(Var.NOTE));
        List<FieldError> errors = new ArrayList<>();
        if (!"RESUBMIT".equals(decision) && !"WITHDRAW".equals(decision)) {
            errors.add(new FieldError(Var.DECISION, "请选择重新报审或撤回 / decision must be RESUBMIT or WITHDRAW"));
        }
        if ("WITHDRAW".equals(decision) && note == null) {
            errors.add(new FieldError(Var.NOTE, "撤回方案须写明理由 / a withdrawal needs its reason"));
        }
        FormValues.limitText(errors, Var.NOTE, note, 2000, "说明");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if ("RESUBMIT".equals(decision) && targets.resubmit(planId) != 1) {
            throw new InvalidInputException(Var.DECISION, "该方案不在退回修改中 / The plan is not returned");
        }
    }
}
