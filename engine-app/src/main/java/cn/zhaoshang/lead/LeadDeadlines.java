package cn.zhaoshang.lead;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Due dates of the screening steps, called from the BPMN as {@code ${leadDeadlines.consultationDueAt()}}; the
 * durations are configuration ({@code zhaoshang.lead.deadlines}). Uses the engine clock so tests can move time.
 */
@Component(LeadScreening.Bean.DEADLINES)
public class LeadDeadlines {

    private final Properties properties;

    public LeadDeadlines(Properties properties) {
        this.properties = properties;
    }

    /** The investment center checks a reported lead for completeness within this time. */
    public Date completenessDueAt() {
        return at(properties.completeness());
    }

    /** Each consulted department answers within this time (书面征询); a reminder goes out when it passes. */
    public Date consultationDueAt() {
        return at(properties.consultation());
    }

    private static Date at(Duration after) {
        return new Date(ClockUtil.getCurrentTime().getTime() + after.toMillis());
    }

    @ConfigurationProperties("zhaoshang.lead.deadlines")
    public record Properties(@DefaultValue("P3D") Duration completeness, @DefaultValue("P5D") Duration consultation) {
    }
}
