package cn.zhaoshang.agreement;

import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zhaoshang.calendar.WorkingCalendar;

/**
 * Deadlines of the legal review (合法性审查) in working days, called from the BPMN: due (and reminded, with a copy to
 * the supervision office) after {@code zhaoshang.agreement.review-working-days} (default 5), escalated to the
 * supervision office (督办) after twice that.
 */
@Component(AgreementReview.Bean.DEADLINES)
public class ReviewDeadlines {

    private final WorkingCalendar calendar;
    private final int reviewWorkingDays;

    public ReviewDeadlines(WorkingCalendar calendar,
            @Value("${zhaoshang.agreement.review-working-days:5}") int reviewWorkingDays) {
        this.calendar = calendar;
        this.reviewWorkingDays = reviewWorkingDays;
    }

    public Date reviewDueAt() {
        return calendar.workingDaysFromNow(reviewWorkingDays);
    }

    public Date reminderAt() {
        return reviewDueAt();
    }

    public Date escalationAt() {
        return calendar.workingDaysFromNow(2 * reviewWorkingDays);
    }
}
