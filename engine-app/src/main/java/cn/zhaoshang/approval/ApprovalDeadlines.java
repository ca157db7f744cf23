package cn.zhaoshang.approval;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates and timer dates of the approval steps, called from the BPMN as
 * {@code ${approvalDeadlines.dueAt('Task_ReviewByDeputyHead')}}. Uses the engine clock so tests can move time.
 */
@Component(LandingApproval.Bean.DEADLINES)
public class ApprovalDeadlines {

    private final ApprovalDeadlineProperties properties;

    public ApprovalDeadlines(ApprovalDeadlineProperties properties) {
        this.properties = properties;
    }

    public Date dueAt(String stepId) {
        return new Date(now() + properties.forStep(stepId).due().toMillis());
    }

    /** 催办: the assignee (or the candidate group) is reminded when the step falls due. */
    public Date reminderAt(String stepId) {
        return dueAt(stepId);
    }

    /** 督办: escalated to the supervision office once the step is this far overdue. */
    public Date escalationAt(String stepId) {
        ApprovalDeadlineProperties.Deadline deadline = properties.forStep(stepId);
        return new Date(now() + deadline.due().toMillis() + deadline.escalateAfter().toMillis());
    }

    private static long now() {
        return ClockUtil.getCurrentTime().getTime();
    }
}
