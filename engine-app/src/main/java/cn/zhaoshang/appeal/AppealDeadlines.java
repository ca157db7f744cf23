package cn.zhaoshang.appeal;

import java.time.LocalDate;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zhaoshang.calendar.WorkingCalendar;
import cn.zhaoshang.system.EngineClock;

/**
 * chenzhou §15: an investor's complaint gets a clear answer within 7 working days (configurable), counted on the official
 * calendar from the day it is received. Computed once, when the appeal is registered, so the days it waits for
 * acceptance count too.
 */
@Component
public class AppealDeadlines {

    private final WorkingCalendar calendar;
    private final int answerWorkingDays;

    public AppealDeadlines(WorkingCalendar calendar,
            @Value("${zhaoshang.appeal.answer-working-days:7}") int answerWorkingDays) {
        this.calendar = calendar;
        this.answerWorkingDays = answerWorkingDays;
    }

    /** The day the answer is due: the 7th working day after the day of receipt. */
    public LocalDate answerDueOn(LocalDate receivedOn) {
        return calendar.addWorkingDays(receivedOn, answerWorkingDays);
    }

    /**
     * {@code ${appealDeadlines.answerDueAt()}} of the first version of Process_EnterpriseAppeal, which computed the due date
     * when the handling task was created. Instances started on that version stay on it; this keeps them running.
     */
    public Date answerDueAt() {
        return endOf(answerDueOn(EngineClock.today()));
    }

    /**
     * The last second of the due day, Beijing time: the handling task's due date and the overdue timer. The whole due day
     * is the department's, so the office is not told "overdue" while the appeal still reads "due today".
     */
    public static Date endOf(LocalDate dueOn) {
        return Date.from(dueOn.plusDays(1).atStartOfDay(EngineClock.BEIJING).minusSeconds(1).toInstant());
    }
}
