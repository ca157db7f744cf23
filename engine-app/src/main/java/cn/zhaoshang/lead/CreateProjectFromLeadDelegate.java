package cn.zhaoshang.lead;

import cn.zhaoshang.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.meeting.MeetingItem;
import cn.zhaoshang.meeting.MeetingMapper;
import cn.zhaoshang.negotiation.NegotiationService;

import static cn.zhaoshang.lead.LeadScreening.Var;

/**
 * 有效线索转办 (xuancheng-2019 §二.3): the lead is VALID and becomes a project of the responsible unit the meeting
 * named, whose task force starts inspection and negotiation (panan-2022 §二.4).
 */
@Component(LeadScreening.Bean.CREATE_PROJECT)
class CreateProjectFromLeadDelegate implements JavaDelegate {

    private final LeadMapper leads;
    private final LeadLedger ledger;
    private final MeetingMapper meetings;
    private final NegotiationService negotiations;

    CreateProjectFromLeadDelegate(LeadMapper leads, LeadLedger ledger, MeetingMapper meetings,
            NegotiationService negotiations) {
        this.leads = leads;
        this.ledger = ledger;
        this.meetings = meetings;
        this.negotiations = negotiations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        long meetingId = ((Number) execution.getVariable(Var.MEETING_ID)).longValue();
        MeetingItem item = meetings.findItem(meetingId, leadId).orElseThrow();
        String actor = MeetingActor.of(execution);
        Lead lead = ledger.lock(leadId);
        leads.recordMeetingDecision(leadId, LeadStatus.VALID, item.reason(), item.responsibleUnit(),
                item.taskForceLeader(), EngineClock.now());
        ledger.recordStatusChange(leadId, lead.getStatus(), LeadStatus.VALID, actor, "研判会议 #" + meetingId
                + " 认定为有效线索，转办至 " + item.responsibleUnit() + "，专班组长 " + item.taskForceLeader());
        Project project = negotiations.open(leads.findById(leadId).orElseThrow(), item.responsibleUnit(),
                item.taskForceLeader(), actor);
        execution.setVariable(cn.zhaoshang.negotiation.InspectionNegotiation.Var.PROJECT_ID, project.getId());
    }
}
