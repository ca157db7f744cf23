package cn.zhaoshang.meeting;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.lead.LeadScreening;

import static cn.zhaoshang.meeting.ResearchMeeting.Var;

/**
 * 反馈研判结果: each decision goes to its waiting lead by message correlation (business key = lead id); the lead's own
 * process then transfers, archives or returns it. A lead that dropped off (withdrawn) gets nothing.
 */
@Component(ResearchMeeting.Bean.DELIVER_DECISIONS)
class DeliverMeetingDecisionsDelegate implements JavaDelegate {

    private final MeetingMapper meetings;
    private final RuntimeService runtimeService;

    DeliverMeetingDecisionsDelegate(MeetingMapper meetings, RuntimeService runtimeService) {
        this.meetings = meetings;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long meetingId = ((Number) execution.getVariable(Var.MEETING_ID)).longValue();
        for (MeetingItem item : meetings.findItems(meetingId)) {
            if (item.dropped() || item.decision() == null || item.pendingLeadId() == null) {
                continue;
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put(LeadScreening.Var.MEETING_DECISION, item.decision());
            variables.put(LeadScreening.Var.MEETING_ID, meetingId);
            variables.put(LeadScreening.Var.MEETING_REASON, item.reason());
            meetings.markDelivered(meetingId, item.leadId());
            runtimeService.createMessageCorrelation(LeadScreening.MESSAGE_MEETING_DECISION)
                    .processInstanceBusinessKey(String.valueOf(item.leadId()))
                    .setVariables(variables)
                    .correlateWithResult();
        }
    }
}
