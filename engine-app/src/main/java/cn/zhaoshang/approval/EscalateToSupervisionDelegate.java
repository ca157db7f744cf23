package cn.zhaoshang.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.notification.Notifier;
import cn.zhaoshang.system.Groups;

/** 升级至督考办督办: the step is well past due; the supervision office is told and it is recorded. */
@Component(LandingApproval.Bean.ESCALATE_TO_SUPERVISION)
class EscalateToSupervisionDelegate implements JavaDelegate {

    private final OverdueSteps overdueSteps;
    private final Notifier notifier;

    EscalateToSupervisionDelegate(OverdueSteps overdueSteps, Notifier notifier) {
        this.overdueSteps = overdueSteps;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        overdueSteps.forEachOpenStep(execution, (task, groups) -> {
            String holder = task.getAssignee() != null ? task.getAssignee() : String.join("、", groups);
            String text = OverdueSteps.describe(execution, task) + "，办理人（" + holder + "）超期未办，请督办。";
            notifier.notifyGroup(Groups.SUPERVISION, "督办：" + task.getName(), text);
            overdueSteps.record(execution, "ESCALATED", "升级督办（督考办）：" + text);
        });
    }
}
