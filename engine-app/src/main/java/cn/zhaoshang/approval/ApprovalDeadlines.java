package cn.zhaoshang.approval;

import java.util.Date;

import org.springframework.stereotype.Component;

import cn.zhaoshang.calendar.WorkingCalendar;

/**
 * Due dates and timer dates of the approval steps in working days on the official calendar, called from the BPMN as
 * {@code ${approvalDeadlines.dueAt('Task_ReviewByDeputyHead')}}. Counted from the engine clock so tests can move time.
 */
@Component(LandingApproval.Bean.DEADLINES)
public class ApprovalDeadlines {

    private final ApprovalDeadlineProperties properties;
    private final WorkingCalendar calendar;

    public ApprovalDeadlines(ApprovalDeadlineProperties properties, WorkingCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    public Date dueAt(String stepId) {
        return calendar.workingDaysFromNow(properties.forStep(stepId).dueWorkingDays());
    }

    /** 催办: the assignee (or the candidate group) is reminded when the step falls due. */
    public Date reminderAt(String stepId) {
        return dueAt(stepId);
    }

    /** 督办: escalated to the supervision office once the step is this many working days overdue. */
    public Date escalationAt(String stepId) {
        ApprovalDeadlineProperties.Deadline deadline = properties.forStep(stepId);
        return calendar.workingDaysFromNow(deadline.dueWorkingDays() + deadline.escalateAfterWorkingDays());
    }
}
