package cn.zhaoshang.meeting;

import cn.zhaoshang.system.EngineClock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.lead.LeadLedger;
import cn.zhaoshang.lead.LeadMapper;
import cn.zhaoshang.lead.LeadStatus;
import cn.zhaoshang.system.Actors;

import static cn.zhaoshang.meeting.ResearchMeeting.Var;

/**
 * 召开研判会议: the agenda is every lead waiting when the meeting opens (major projects first). Taking a lead is
 * conditional on its status, so a lead lands on exactly one meeting's agenda even when two meetings open at once.
 */
@Component(ResearchMeeting.Bean.OPEN_MEETING)
class OpenMeetingDelegate implements JavaDelegate {

    private final MeetingMapper meetings;
    private final LeadMapper leads;
    private final LeadLedger leadLedger;
    private final AgendaForm agendaForm;

    OpenMeetingDelegate(MeetingMapper meetings, LeadMapper leads, LeadLedger leadLedger, AgendaForm agendaForm) {
        this.meetings = meetings;
        this.leads = leads;
        this.leadLedger = leadLedger;
        this.agendaForm = agendaForm;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = EngineClock.now();
        NewMeeting meeting = new NewMeeting();
        MeetingKind kind = MeetingKind.AD_HOC.name().equals(execution.getVariable(Var.MEETING_KIND))
                ? MeetingKind.AD_HOC : MeetingKind.MONTHLY;
        meeting.setKind(kind.name());
        Object requestedBy = execution.getVariable(Var.REQUESTED_BY);
        meeting.setRequestedBy(requestedBy == null ? Actors.SYSTEM : requestedBy.toString());
        meeting.setRequestReason((String) execution.getVariable(Var.REQUEST_REASON));
        Object trigger = execution.getVariable(Var.TRIGGER_LEAD_ID);
        meeting.setTriggerLeadId(trigger instanceof Number n ? n.longValue() : null);
        meeting.setProcessInstanceId(execution.getProcessInstanceId());
        meeting.setOpenedAt(now);
        meetings.insert(meeting);
        long meetingId = meeting.getId();
        execution.setProcessBusinessKey(String.valueOf(meetingId));

        int position = 0;
        for (long leadId : leads.findAwaitingMeeting()) {
            if (leads.takeOntoAgenda(leadId, meetingId, now) == 1) {
                meetings.insertItem(meetingId, leadId, ++position);
                leadLedger.recordStatusChange(leadId, LeadStatus.AWAITING_MEETING, LeadStatus.ON_AGENDA, Actors.SYSTEM,
                        "列入" + kind.label() + " #" + meetingId + " 议程");
            }
        }
        execution.setVariable(Var.MEETING_ID, meetingId);
        execution.setVariable(Var.AGENDA_SIZE, position);
        if (position > 0) {
            agendaForm.fill(execution, meetingId);
        }
    }

}
