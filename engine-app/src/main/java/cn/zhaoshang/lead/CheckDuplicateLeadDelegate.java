package cn.zhaoshang.lead;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.Actors;

import static cn.zhaoshang.lead.LeadScreening.Var;

/**
 * 查重: an earlier lead of the same company (normalised name) for a similar project that is still in the funnel
 * is flagged, and the investment center decides (DESIGN.md step 2). Sets {@code duplicateOfLeadId}, null if none.
 */
@Component(LeadScreening.Bean.CHECK_DUPLICATE)
class CheckDuplicateLeadDelegate implements JavaDelegate {

    private final LeadMapper leads;
    private final LeadLedger ledger;

    CheckDuplicateLeadDelegate(LeadMapper leads, LeadLedger ledger) {
        this.leads = leads;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Lead lead = leads.findById(LeadVariables.leadId(execution)).orElseThrow();
        Optional<Lead> earlier = findEarlierDuplicate(lead);
        execution.setVariable(Var.DUPLICATE_OF_LEAD_ID, earlier.map(Lead::getId).orElse(null));
        earlier.ifPresent(e -> ledger.note(lead.getId(), "DUPLICATE_SUSPECTED", Actors.SYSTEM,
                "疑似与线索 #" + e.getId() + "（" + e.getCompanyName() + " · " + e.getProjectName() + "）重复"));
    }

    Optional<Lead> findEarlierDuplicate(Lead lead) {
        return leads.findActiveByCompanyKey(lead.getCompanyKey(), lead.getId()).stream()
                .filter(other -> other.getReportedAt().isBefore(lead.getReportedAt())
                        || (other.getReportedAt().equals(lead.getReportedAt()) && other.getId() < lead.getId()))
                .filter(other -> DuplicateKeys.similarProjects(other.getProjectKey(), lead.getProjectKey()))
                .findFirst();
    }
}
