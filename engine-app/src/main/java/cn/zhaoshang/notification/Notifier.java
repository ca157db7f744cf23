package cn.zhaoshang.notification;

/** Tells people that something needs them (催办, 督办). The default writes to the log; e-mail comes later. */
public interface Notifier {

    void notifyUser(String userId, String subject, String body);

    void notifyGroup(String groupId, String subject, String body);
}
