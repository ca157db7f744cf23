package cn.zhaoshang.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.notification.Notifier;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.Groups;

/** 审查督办: twice the deadline has passed; the supervision office gets a 督办 task, the review itself stays open. */
@Component(AgreementReview.Bean.ESCALATE_REVIEW)
class EscalateReviewDelegate implements JavaDelegate {

    private final OverdueReviews overdue;
    private final AgreementMapper agreements;
    private final ProjectLedger ledger;
    private final Notifier notifier;

    EscalateReviewDelegate(OverdueReviews overdue, AgreementMapper agreements, ProjectLedger ledger, Notifier notifier) {
        this.overdue = overdue;
        this.agreements = agreements;
        this.ledger = ledger;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Agreement agreement = agreements.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow();
        for (Task task : overdue.open(execution)) {
            String text = "项目 #" + agreement.projectId() + " 的「" + task.getName() + "」已超过时限一倍仍未办结，转督考办督办。";
            notifier.notifyGroup(Groups.SUPERVISION, "督办：" + task.getName(), text);
            ledger.note(agreement.projectId(), "ESCALATED", Actors.SYSTEM, text);
        }
    }
}
