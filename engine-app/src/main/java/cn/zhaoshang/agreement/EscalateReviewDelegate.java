package cn.zhaoshang.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.Supervision;
import cn.zhaoshang.notification.Notifier;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.Groups;

/**
 * 审查督办 (chenzhou §3 全程督办): twice the deadline has passed; the supervision office gets a 督办 task that says which
 * review it supervises, the review itself stays open.
 */
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
            String matter = "项目 #" + agreement.projectId() + " 的「" + task.getName() + "」已超过时限一倍仍未办结";
            String text = matter + "，转督考办督办。";
            notifier.notifyGroup(Groups.SUPERVISION, "督办：" + task.getName(), text);
            ledger.note(agreement.projectId(), "ESCALATED", Actors.SYSTEM, text);
            // what the 督办 task that follows supervises (reviews run one at a time, so there is one)
            execution.setVariable(Supervision.MATTER, matter);
        }
    }
}
