package cn.zhaoshang.notification;

/**
 * Tells people that something needs them (催办, 督办, 抄送). The default writes to the log ({@link LogNotifier}); with
 * {@code zhaoshang.notify.mail.enabled=true} and {@code spring.mail.*} it sends e-mail ({@link MailNotifier}).
 */
public interface Notifier {

    void notifyUser(String userId, String subject, String body);

    void notifyGroup(String groupId, String subject, String body);
}
