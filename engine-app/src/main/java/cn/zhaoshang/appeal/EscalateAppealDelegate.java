package cn.zhaoshang.appeal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.Supervision;
import cn.zhaoshang.notification.Notifier;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.Groups;

import static cn.zhaoshang.appeal.EnterpriseAppeal.Var;

/**
 * 诉求督办 (tongcheng §22): the answer is overdue (7 working days from receipt, chenzhou §15); the supervision office
 * takes it up. Recorded in the appeal's ledger (and its project's), and the 督办 task that follows says what it supervises.
 */
@Component(EnterpriseAppeal.Bean.ESCALATE_APPEAL)
class EscalateAppealDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(EscalateAppealDelegate.class);

    private final AppealMapper appeals;
    private final ProjectLedger ledger;
    private final Notifier notifier;

    EscalateAppealDelegate(AppealMapper appeals, ProjectLedger ledger, Notifier notifier) {
        this.appeals = appeals;
        this.ledger = ledger;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Appeal appeal = appeals.findById(((Number) execution.getVariable(Var.APPEAL_ID)).longValue()).orElseThrow();
        String matter = "企业诉求 #" + appeal.id() + "（" + appeal.companyName() + "：" + appeal.subject() + "）答复期限 "
                + appeal.answerDueOn() + " 已过仍未答复，承办：" + Groups.ALL.getOrDefault(appeal.assignedGroup(),
                        appeal.assignedGroup());
        String text = matter + "。";
        notifier.notifyGroup(Groups.SUPERVISION, "督办：企业诉求逾期未答复", text);
        notifier.notifyGroup(appeal.assignedGroup(), "催办：企业诉求逾期未答复", text);
        ledger.noteOn(appeal.projectId(), appeal.id(), "ESCALATED", Actors.SYSTEM, text);
        execution.setVariable(Supervision.MATTER, matter);
        log.info("appeal {} escalated to supervision", appeal.id());
    }
}
