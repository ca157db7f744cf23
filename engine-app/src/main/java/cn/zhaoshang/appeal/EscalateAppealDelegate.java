package cn.zhaoshang.appeal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.zhaoshang.notification.Notifier;
import cn.zhaoshang.system.Groups;

import static cn.zhaoshang.appeal.EnterpriseAppeal.Var;

/** 诉求督办 (tongcheng §22): the answer is overdue (7 working days, chenzhou §15); the supervision office takes it up. */
@Component(EnterpriseAppeal.Bean.ESCALATE_APPEAL)
class EscalateAppealDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(EscalateAppealDelegate.class);

    private final AppealMapper appeals;
    private final Notifier notifier;

    EscalateAppealDelegate(AppealMapper appeals, Notifier notifier) {
        this.appeals = appeals;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Appeal appeal = appeals.findById(((Number) execution.getVariable(Var.APPEAL_ID)).longValue()).orElseThrow();
        String text = "企业诉求 #" + appeal.id() + "（" + appeal.companyName() + "：" + appeal.subject() + "）已超过 7 个工作日未答复，"
                + "承办：" + appeal.assignedGroup() + "。";
        notifier.notifyGroup(Groups.SUPERVISION, "督办：企业诉求逾期未答复", text);
        notifier.notifyGroup(appeal.assignedGroup(), "催办：企业诉求逾期未答复", text);
        log.info("appeal {} escalated to supervision", appeal.id());
    }
}
