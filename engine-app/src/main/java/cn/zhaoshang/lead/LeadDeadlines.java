package cn.zhaoshang.lead;

import java.util.Date;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import cn.zhaoshang.calendar.WorkingCalendar;

/**
 * Due dates of the screening steps in working days on the official calendar, called from the BPMN as
 * {@code ${leadDeadlines.consultationDueAt()}}; the numbers are configuration ({@code zhaoshang.lead.deadlines}).
 * Counted from the engine clock so tests can move time.
 */
@Component(LeadScreening.Bean.DEADLINES)
public class LeadDeadlines {

    private final Properties properties;
    private final WorkingCalendar calendar;

    public LeadDeadlines(Properties properties, WorkingCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    /** The investment center checks a reported lead for completeness within this time. */
    public Date completenessDueAt() {
        return calendar.workingDaysFromNow(properties.completenessWorkingDays());
    }

    /** Each consulted department answers within this time (书面征询); a reminder goes out when it passes. */
    public Date consultationDueAt() {
        return calendar.workingDaysFromNow(properties.consultationWorkingDays());
    }

    @ConfigurationProperties("zhaoshang.lead.deadlines")
    public record Properties(@DefaultValue("3") int completenessWorkingDays, @DefaultValue("5") int consultationWorkingDays) {

        public Properties {
            if (completenessWorkingDays < 1 || consultationWorkingDays < 1) {
                throw new IllegalArgumentException("zhaoshang.lead.deadlines: working days must be at least 1");
            }
        }
    }
}
