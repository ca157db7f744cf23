package cn.zhaoshang.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.notification.Notifier;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.Groups;

/** 审查催办: the legal review is overdue; the reviewer is reminded and the supervision office gets a copy (抄送). */
@Component(AgreementReview.Bean.REMIND_REVIEWER)
class RemindReviewerDelegate implements JavaDelegate {

    private final OverdueReviews overdue;
    private final AgreementMapper agreements;
    private final ProjectLedger ledger;
    private final Notifier notifier;

    RemindReviewerDelegate(OverdueReviews overdue, AgreementMapper agreements, ProjectLedger ledger, Notifier notifier) {
        this.overdue = overdue;
        this.agreements = agreements;
        this.ledger = ledger;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Agreement agreement = agreements.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow();
        for (Task task : overdue.open(execution)) {
            String text = "项目 #" + agreement.projectId() + "（" + execution.getVariable(AgreementReview.Var.COMPANY_NAME)
                    + "）的「" + task.getName() + "」已到期，请尽快办理。";
            if (task.getAssignee() != null) {
                notifier.notifyUser(task.getAssignee(), "催办：" + task.getName(), text);
            } else {
                overdue.candidateGroups(task).forEach(group -> notifier.notifyGroup(group, "催办：" + task.getName(), text));
            }
            notifier.notifyGroup(Groups.SUPERVISION, "抄送：" + task.getName() + "逾期", text);
            ledger.note(agreement.projectId(), "REMINDER_SENT", Actors.SYSTEM, "催办并抄送督考办：" + text);
        }
    }
}
