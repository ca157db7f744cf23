package cn.zhaoshang.approval;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of the approval steps in working days (工作日, the official calendar), changed by an administrator in
 * configuration, not in Java. {@code dueWorkingDays} is when the step should be done (the reminder, 催办, fires then);
 * the escalation to the supervision office (督办) fires {@code escalateAfterWorkingDays} working days later. Per-step
 * overrides are keyed by task id; a value left out falls back to the defaults.
 */
@ConfigurationProperties(prefix = "zhaoshang.approval.deadlines")
public record ApprovalDeadlineProperties(Deadline defaults, Map<String, Deadline> steps) {

    public ApprovalDeadlineProperties {
        defaults = defaults == null ? new Deadline(5, 3)
                : new Deadline(defaults.dueWorkingDays() != null ? defaults.dueWorkingDays() : 5,
                        defaults.escalateAfterWorkingDays() != null ? defaults.escalateAfterWorkingDays() : 3);
        steps = steps == null ? Map.of() : Map.copyOf(steps);
    }

    public Deadline forStep(String stepId) {
        Deadline step = steps.get(stepId);
        if (step == null) {
            return defaults;
        }
        return new Deadline(step.dueWorkingDays() != null ? step.dueWorkingDays() : defaults.dueWorkingDays(),
                step.escalateAfterWorkingDays() != null ? step.escalateAfterWorkingDays()
                        : defaults.escalateAfterWorkingDays());
    }

    public record Deadline(Integer dueWorkingDays, Integer escalateAfterWorkingDays) {

        /** a deadline of zero or fewer days would remind before anyone could act: refuse it at start-up */
        public Deadline {
            if (dueWorkingDays != null && dueWorkingDays < 1 || escalateAfterWorkingDays != null && escalateAfterWorkingDays < 1) {
                throw new IllegalArgumentException("zhaoshang.approval.deadlines: working days must be at least 1, got "
                        + dueWorkingDays + "/" + escalateAfterWorkingDays);
            }
        }
    }
}
