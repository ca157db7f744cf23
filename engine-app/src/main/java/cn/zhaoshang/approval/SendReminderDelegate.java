package cn.zhaoshang.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.notification.Notifier;

/** 发送催办提醒: the step fell due; its assignee, or else its candidate groups, are reminded, and it is recorded. */
@Component(LandingApproval.Bean.SEND_REMINDER)
class SendReminderDelegate implements JavaDelegate {

    private final OverdueSteps overdueSteps;
    private final Notifier notifier;

    SendReminderDelegate(OverdueSteps overdueSteps, Notifier notifier) {
        this.overdueSteps = overdueSteps;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        overdueSteps.forEachOpenStep(execution, (task, groups) -> {
            String text = OverdueSteps.describe(execution, task) + "，请尽快办理。";
            if (task.getAssignee() != null) {
                notifier.notifyUser(task.getAssignee(), "催办：" + task.getName(), text);
            } else {
                groups.forEach(group -> notifier.notifyGroup(group, "催办：" + task.getName(), text));
            }
            String to = task.getAssignee() != null ? task.getAssignee() : String.join("、", groups);
            overdueSteps.record(execution, "REMINDER_SENT", "催办（" + to + "）：" + text);
        });
    }
}
