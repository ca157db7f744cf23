package cn.zhaoshang.lead;

import cn.zhaoshang.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.zhaoshang.lead.LeadScreening.Var;

/** 无效线索归档: the research meeting found the lead invalid; it is archived with the meeting's reason. */
@Component(LeadScreening.Bean.ARCHIVE_LEAD)
class ArchiveLeadDelegate implements JavaDelegate {

    private final LeadMapper leads;
    private final LeadLedger ledger;

    ArchiveLeadDelegate(LeadMapper leads, LeadLedger ledger) {
        this.leads = leads;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        String reason = (String) execution.getVariable(Var.MEETING_REASON);
        Lead lead = ledger.lock(leadId);
        leads.recordMeetingDecision(leadId, LeadStatus.INVALID, reason, null, null, EngineClock.now());
        ledger.recordStatusChange(leadId, lead.getStatus(), LeadStatus.INVALID, MeetingActor.of(execution),
                "研判会议 #" + execution.getVariable(Var.MEETING_ID) + " 认定为无效线索，归档：" + reason);
    }
}
