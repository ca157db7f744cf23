package cn.zhaoshang.meeting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the monthly research meeting opens (panan-2022 §二.3 每月对上报的招商项目信息进行研判): a Quartz-style cron
 * from {@code zhaoshang.meeting.monthly-cycle}, read by the timer start event of Process_ResearchMeeting.
 */
@Component(ResearchMeeting.Bean.SCHEDULE)
public class MeetingSchedule {

    private final String monthlyCycle;

    public MeetingSchedule(@Value("${zhaoshang.meeting.monthly-cycle:0 0 9 25 * ?}") String monthlyCycle) {
        this.monthlyCycle = monthlyCycle;
    }

    public String monthlyCycle() {
        return monthlyCycle;
    }
}
