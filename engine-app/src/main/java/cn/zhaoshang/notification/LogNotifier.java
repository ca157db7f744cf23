package cn.zhaoshang.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The zero-setup notifier: every notification is a log line an operator can see. */
@Component
class LogNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(LogNotifier.class);

    @Override
    public void notifyUser(String userId, String subject, String body) {
        log.info("NOTIFY user={} subject={} body={}", userId, subject, body);
    }

    @Override
    public void notifyGroup(String groupId, String subject, String body) {
        log.info("NOTIFY group={} subject={} body={}", groupId, subject, body);
    }
}
