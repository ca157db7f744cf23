package cn.zhaoshang.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the domain: the engine's (so tests that move the engine clock move every record and deadline with
 * it), read in Beijing time where a calendar date is meant.
 */
public final class EngineClock {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today() {
        return now().atZone(BEIJING).toLocalDate();
    }
}
