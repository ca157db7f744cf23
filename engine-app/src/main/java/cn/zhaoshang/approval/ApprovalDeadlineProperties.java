package cn.zhaoshang.approval;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of the approval steps, changed by an administrator in configuration, not in Java.
 * {@code due} is when the step should be done (the reminder, 催办, fires then); the escalation to the
 * supervision office (督办) fires {@code escalateAfter} later. Per-step overrides are keyed by task id.
 */
@ConfigurationProperties(prefix = "zhaoshang.approval.deadlines")
public record ApprovalDeadlineProperties(Deadline defaults, Map<String, Deadline> steps) {

    public ApprovalDeadlineProperties {
        if (defaults == null) {
            defaults = new Deadline(Duration.ofDays(5), Duration.ofDays(3));
        }
        steps = steps == null ? Map.of() : Map.copyOf(steps);
    }

    public Deadline forStep(String stepId) {
        Deadline step = steps.get(stepId);
        if (step == null) {
            return defaults;
        }
        return new Deadline(step.due() != null ? step.due() : defaults.due(),
                step.escalateAfter() != null ? step.escalateAfter() : defaults.escalateAfter());
    }

    public record Deadline(Duration due, Duration escalateAfter) {
    }
}
