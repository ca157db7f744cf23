package cn.zhaoshang.meeting;

import cn.zhaoshang.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


import static cn.zhaoshang.meeting.ResearchMeeting.Var;

/** No lead was waiting: the meeting closes without a task for anyone. */
@Component(ResearchMeeting.Bean.CLOSE_EMPTY_MEETING)
class CloseEmptyMeetingDelegate implements JavaDelegate {

    private final MeetingMapper meetings;

    CloseEmptyMeetingDelegate(MeetingMapper meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        meetings.closeEmpty(((Number) execution.getVariable(Var.MEETING_ID)).longValue(), EngineClock.now());
    }
}
