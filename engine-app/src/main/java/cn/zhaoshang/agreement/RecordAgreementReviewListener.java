package cn.zhaoshang.agreement;

import cn.zhaoshang.system.EngineClock;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.agreement.AgreementReview.Var;

/**
 * On each legal review and the leading group's deliberation ({@code complete}): PASS, REVISE (with the points the
 * negotiator must address; the model sends the next draft back to this reviewer) or REJECT (with the reason and whether the
 * project goes back to negotiation or ends). Stored with the draft version it was about.
 */
@Component(AgreementReview.Bean.RECORD_REVIEW)
class RecordAgreementReviewListener implements TaskListener {

    private final AgreementMapper agreements;
    private final ProjectLedger projectLedger;
    private final IdentityService identityService;

    RecordAgreementReviewListener(AgreementMapper agreements, ProjectLedger projectLedger, IdentityService identityService) {
        this.agreements = agreements;
        this.projectLedger = projectLedger;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        ReviewDecision decision = FormValues.parseEnum(ReviewDecision.class, FormValues.text(task.getVariable(Var.DECISION)));
        String opinion = FormValues.text(task.getVariable(Var.OPINION));
        if (decision == null) {
            errors.add(new FieldError(Var.DECISION, "请选择通过、修改后再审或不予通过 / decision must be PASS, REVISE or REJECT"));
        } else if (decision != ReviewDecision.PASS && opinion == null) {
            errors.add(new FieldError(Var.OPINION, decision.label() + "必须写明审查意见 / " + decision + " needs an opinion"));
        }
        String after = FormValues.text(task.getVariable(Var.AFTER_REJECTION));
        if (decision == ReviewDecision.REJECT && !"RENEGOTIATE".equals(after) && !"END".equals(after)) {
            errors.add(new FieldError(Var.AFTER_REJECTION, "不予通过时须选择退回考察洽谈（RENEGOTIATE）或项目终止（END）/ "
                    + "afterRejection must be RENEGOTIATE or END"));
        }
        FormValues.limitText(errors, Var.OPINION, opinion, 4000, "审查意见");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Agreement agreement = agreements.findByProcessInstanceId(task.getProcessInstanceId()).orElseThrow();
        String actor = Actors.current(identityService, task.getAssignee());
        int version = agreements.latestDraftVersion(agreement.id());
        agreements.insertReview(new AgreementReviewRecord(null, agreement.id(), version, task.getId(),
                task.getTaskDefinitionKey(), task.getName(), decision.name(), opinion, actor, EngineClock.now()));
        projectLedger.note(agreement.projectId(), "AGREEMENT_REVIEWED", actor, task.getName() + "（第 " + version + " 版）："
                + decision.label() + (opinion == null ? "" : "。" + opinion));
    }
}
