package cn.zhaoshang.lead;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.Actors;

import static cn.zhaoshang.lead.LeadScreening.Var;

/** 合并重复线索: the later lead ends as merged; the earlier lead keeps the attribution (xuancheng-2019 §三.1). */
@Component(LeadScreening.Bean.MERGE_LEAD)
class MergeLeadDelegate implements JavaDelegate {

    private final LeadLedger ledger;
    private final IdentityService identityService;

    MergeLeadDelegate(LeadLedger ledger, IdentityService identityService) {
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        long earlierId = ((Number) execution.getVariable(Var.DUPLICATE_OF_LEAD_ID)).longValue();
        String actor = Actors.current(identityService, null);
        String opinion = (String) execution.getVariable(Var.OPINION);
        ledger.merge(leadId, earlierId, actor, opinion);
    }
}
