package cn.zhaoshang.notification;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * E-mail notifications. A reminder is recorded in the ledger in the engine's transaction; the mail goes out only
 * after that transaction commits, so a rolled-back (and retried) timer never sends twice, and a mail server that is
 * down never undoes the reminder itself (the failure is logged).
 */
@Component
@Primary
@ConditionalOnProperty(name = "zhaoshang.notify.mail.enabled", havingValue = "true")
public class MailNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

    private final JavaMailSender mailSender;
    private final Recipients recipients;
    private final String from;

    public MailNotifier(JavaMailSender mailSender, Recipients recipients,
            @Value("${zhaoshang.notify.mail.from:zhaoshang@localhost}") String from) {
        this.mailSender = mailSender;
        this.recipients = recipients;
        this.from = from;
    }

    @Override
    public void notifyUser(String userId, String subject, String body) {
        send(recipients.ofUser(userId), subject, body, "user " + userId);
    }

    @Override
    public void notifyGroup(String groupId, String subject, String body) {
        send(recipients.ofGroup(groupId), subject, body, "group " + groupId);
    }

    private void send(List<String> to, String subject, String body, String who) {
        if (to.isEmpty()) {
            log.info("NOTIFY {} (no e-mail address) subject={} body={}", who, subject, body);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject("【招商引资审批】" + subject);
        message.setText(body);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(message, who);
                }
            });
        } else {
            deliver(message, who);
        }
    }

    private void deliver(SimpleMailMessage message, String who) {
        try {
            mailSender.send(message);
            log.info("MAIL {} to {} subject={}", who, String.join(",", message.getTo()), message.getSubject());
        } catch (MailException e) {
            log.error("MAIL to {} failed (the reminder itself is recorded): {}", who, e.getMessage());
        }
    }
}
