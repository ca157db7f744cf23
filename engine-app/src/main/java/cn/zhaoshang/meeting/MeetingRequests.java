package cn.zhaoshang.meeting;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import static cn.zhaoshang.meeting.ResearchMeeting.Var;

/**
 * Asks for an ad-hoc research meeting (临时研判会议): the message start event of Process_ResearchMeeting. The meeting
 * opens at once and takes every waiting lead onto its agenda.
 */
@Service
public class MeetingRequests {

    private final RuntimeService runtimeService;

    public MeetingRequests(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    public ProcessInstance requestAdHoc(String requestedBy, String reason, Long triggerLeadId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.REQUESTED_BY, requestedBy);
        variables.put(Var.REQUEST_REASON, reason);
        variables.put(Var.TRIGGER_LEAD_ID, triggerLeadId);
        return runtimeService.createMessageCorrelation(ResearchMeeting.MESSAGE_AD_HOC_MEETING)
                .setVariables(variables)
                .correlateStartMessage();
    }
}
