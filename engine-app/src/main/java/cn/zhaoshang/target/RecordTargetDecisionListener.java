package cn.zhaoshang.target;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.target.Targets.Var;

/**
 * On 县长审定目标任务 ({@code complete}): APPROVE or RETURN (RETURN with the county head's opinion), recorded on the
 * plan with who decided and when (chenzhou-2017 §1 报请审定).
 */
@Component(Targets.Bean.RECORD_DECISION)
class RecordTargetDecisionListener implements TaskListener {

    private final TargetMapper targets;
    private final IdentityService identityService;

    RecordTargetDecisionListener(TargetMapper targets, IdentityService identityService) {
        this.targets = targets;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        long planId = ((Number) task.getVariable(Var.PLAN_ID)).longValue();
        String decision = FormValues.text(task.getVariable(Var.DECISION));
        String opinion = FormValues.text(task.getVariable(Var.OPINION));
        List<FieldError> errors = new ArrayList<>();
        if (!"APPROVE".equals(decision) && !"RETURN".equals(decision)) {
            errors.add(new FieldError(Var.DECISION, "请选择批准或退回修改 / decision must be APPROVE or RETURN"));
        }
        if ("RETURN".equals(decision) && opinion == null) {
            errors.add(new FieldError(Var.OPINION, "退回修改须写明意见 / a return needs the opinion"));
        }
        FormValues.limitText(errors, Var.OPINION, opinion, 2000, "审定意见");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String actor = Actors.current(identityService, task.getAssignee());
        String to = "APPROVE".equals(decision) ? TargetPlan.APPROVED : TargetPlan.RETURNED;
        if (targets.decide(planId, TargetPlan.IN_APPROVAL, to, actor, EngineClock.now(), opinion) != 1) {
            throw new InvalidInputException(Var.DECISION, "该方案不在审定中 / The plan is not waiting for approval");
        }
        if ("RETURN".equals(decision)) {
            task.setVariable(Var.RETURN_OPINION, opinion);
        }
    }
}
