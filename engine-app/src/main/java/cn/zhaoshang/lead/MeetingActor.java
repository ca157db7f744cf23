package cn.zhaoshang.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import cn.zhaoshang.system.Actors;

/** A meeting's decision is taken by the meeting: the ledger names it rather than whoever recorded it. */
final class MeetingActor {

    private MeetingActor() {
    }

    static String of(DelegateExecution execution) {
        Object meetingId = execution.getVariable(LeadScreening.Var.MEETING_ID);
        return meetingId == null ? Actors.SYSTEM : "meeting#" + meetingId;
    }
}
