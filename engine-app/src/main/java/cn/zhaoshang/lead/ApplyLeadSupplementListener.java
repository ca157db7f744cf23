package cn.zhaoshang.lead;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.lead.LeadScreening.Var;

/**
 * On 补充完善线索. {@code create}: fills the form with the lead as stored. {@code complete}: a resubmission is validated
 * like a new report and stored as the next version (both versions stay in lead_revision); the reporting unit — the
 * attribution — cannot change here.
 */
@Component(LeadScreening.Bean.APPLY_LEAD_SUPPLEMENT)
class ApplyLeadSupplementListener implements TaskListener {

    private final LeadMapper leads;
    private final LeadLedger ledger;
    private final IdentityService identityService;

    ApplyLeadSupplementListener(LeadMapper leads, LeadLedger ledger, IdentityService identityService) {
        this.leads = leads;
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().removeVariable(Var.DECISION);
            task.getExecution().removeVariable(Var.OPINION);
            Lead lead = leads.findById(LeadVariables.leadId(task)).orElseThrow();
            LeadVariables.setReportFields(task.getExecution(), lead);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task);
        }
    }

    private void complete(DelegateTask task) {
        LeadDecision decision = FormValues.parseEnum(LeadDecision.class, FormValues.text(task.getVariable(Var.DECISION)));
        if (decision != LeadDecision.RESUBMIT && decision != LeadDecision.WITHDRAW) {
            throw new InvalidInputException(Var.DECISION,
                    "请选择补充后重新报送（RESUBMIT）或撤回线索（WITHDRAW）/ decision must be RESUBMIT or WITHDRAW");
        }
        long leadId = LeadVariables.leadId(task);
        if (decision == LeadDecision.RESUBMIT) {
            Lead stored = leads.findById(leadId).orElseThrow();
            List<FieldError> errors = new ArrayList<>();
            LeadReport report = LeadReportValidator.fromVariables(task.getVariables(), errors);
            errors.addAll(LeadReportValidator.validate(report));
            if (report.reportingUnit() != null && !report.reportingUnit().equals(stored.getReportingUnit())) {
                errors.add(new FieldError(Var.REPORTING_UNIT, "报送单位（线索归属）不能修改 / The reporting unit of a lead "
                        + "cannot be changed"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            Lead lead = ledger.supplement(leadId, LeadReportValidator.normalise(report),
                    Actors.current(identityService, task.getAssignee()), FormValues.text(task.getVariable(Var.OPINION)));
            LeadVariables.setDecisionInputs(task.getExecution(), lead);
        }
        LeadVariables.removeReportFields(task.getExecution());
        // the next return (if any) must not mistake this round's meeting decision for a new one
        task.getExecution().removeVariable(Var.MEETING_DECISION);
        task.getExecution().removeVariable(Var.MEETING_REASON);
    }
}
