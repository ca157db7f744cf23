package cn.zhaoshang.notification;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import cn.zhaoshang.support.AppIT;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mail notifier against a real SMTP server in the test JVM (GreenMail): users and group members with an
 * address get the mail, in Chinese, only after the engine's transaction commits, and never after a rollback. Built on
 * the shared test context (one engine per JVM: a second Spring context would register a second engine under the
 * same name), with the sender pointed at the test server as {@code spring.mail.*} would.
 */
class MailNotifierIT extends AppIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(33025, "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    Recipients recipients;

    Notifier notifier;

    @BeforeEach
    void addresses() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(33025);
        notifier = new MailNotifier(sender, recipients, "zhaoshang@panan.gov.cn");
        setEmail("supervisor", "duban@panan.gov.cn");
        setEmail("justice", "sifa@panan.gov.cn");
    }

    @Test
    void mailsTheUserAndTheGroup_afterCommit() throws Exception {
        transactions.executeWithoutResult(status -> {
            notifier.notifyUser("justice", "催办：合法性审查", "项目 #12 的协议合法性审查已逾期，请尽快办理。");
            notifier.notifyGroup("supervision", "抄送：合法性审查逾期", "项目 #12 的协议合法性审查已逾期。");
            assertThat(smtp.getReceivedMessages()).as("nothing before commit").isEmpty();
        });
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        List<String> to = new java.util.ArrayList<>();
        for (MimeMessage message : received) {
            to.add(GreenMailUtil.getAddressList(message.getAllRecipients()));
        }
        assertThat(to).containsExactlyInAnyOrder("sifa@panan.gov.cn", "duban@panan.gov.cn");
        assertThat(received[0].getSubject()).startsWith("【招商引资审批】");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
    }

    @Test
    void aRolledBackTransactionSendsNothing() throws Exception {
        transactions.executeWithoutResult(status -> {
            notifier.notifyUser("justice", "催办", "不会发出");
            status.setRollbackOnly();
        });
        assertThat(smtp.waitForIncomingEmail(1000, 1)).isFalse();
    }

    private void setEmail(String userId, String email) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        user.setEmail(email);
        identityService.saveUser(user);
    }
}
