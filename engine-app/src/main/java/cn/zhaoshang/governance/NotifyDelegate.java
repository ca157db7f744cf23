package cn.zhaoshang.governance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.notification.Notifier;

/**
 * 发送通知 — the generic service task of the element template {@code zhaoshang.notify}: tells a group or a user
 * (input parameters {@code recipientGroup} or {@code recipientUser}) {@code subject} and {@code body} through the
 * app's notifier (the log, and e-mail when {@code zhaoshang.notify.mail.enabled}).
 */
@Component(NotifyDelegate.BEAN)
class NotifyDelegate implements JavaDelegate {

    static final String BEAN = "notifyDelegate";

    private final Notifier notifier;

    NotifyDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String subject = text(execution, "subject");
        String body = text(execution, "body");
        String group = text(execution, "recipientGroup");
        String user = text(execution, "recipientUser");
        if (subject == null || (group == null && user == null)) {
            throw new IllegalStateException("发送通知需要 subject 和 recipientGroup 或 recipientUser / subject and a "
                    + "recipient are required (" + execution.getCurrentActivityId() + ")");
        }
        if (group != null) {
            notifier.notifyGroup(group, subject, body == null ? subject : body);
        }
        if (user != null) {
            notifier.notifyUser(user, subject, body == null ? subject : body);
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
