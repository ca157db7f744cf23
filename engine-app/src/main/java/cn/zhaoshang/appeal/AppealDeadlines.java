package cn.zhaoshang.appeal;

import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zhaoshang.calendar.WorkingCalendar;

/** An enterprise's request or complaint is answered within 7 working days (chenzhou §15), configurable. */
@Component(EnterpriseAppeal.Bean.DEADLINES)
public class AppealDeadlines {

    private final WorkingCalendar calendar;
    private final int answerWorkingDays;

    public AppealDeadlines(WorkingCalendar calendar,
            @Value("${zhaoshang.appeal.answer-working-days:7}") int answerWorkingDays) {
        this.calendar = calendar;
        this.answerWorkingDays = answerWorkingDays;
    }

    public Date answerDueAt() {
        return calendar.workingDaysFromNow(answerWorkingDays);
    }
}
