package cn.zhaoshang.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.EngineClock;

/**
 * The official working-day calendar (工作日): weekends off except make-up workdays (调休), and the statutory holidays
 * the State Council General Office publishes each year — both as data in {@code calendar_day}. A year without a
 * {@code calendar_year} row falls back to Monday–Friday, with a warning (once per year in the log, always on
 * {@code GET /api/calendar/years} and the administration page /admin/calendar).
 *
 * <p>Usable from BPMN as {@code ${workingCalendar.workingDaysFromNow(5)}}. Reads the table on every call (one query
 * for the whole span), so an administrator's change applies at once on every node of a cluster.
 */
@Component("workingCalendar")
public class WorkingCalendar {

    /** ten years of working days is beyond any deadline in the seeds; more is a typing error. */
    public static final int MAX_DAYS = 2500;

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

    private final CalendarMapper calendar;
    private final Set<Integer> checkedYears = ConcurrentHashMap.newKeySet();

    public WorkingCalendar(CalendarMapper calendar) {
        this.calendar = calendar;
    }

    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, overrides(day, day));
    }

    /** The N-th working day after {@code from} (N ≥ 0; 0 is {@code from} itself). */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 0 and " + MAX_DAYS);
        }
        // a generous span: holidays never take more than a third of a stretch of days
        Map<LocalDate, String> overrides = overrides(from, from.plusDays(days * 2L + 60));
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day, overrides)) {
                counted++;
            }
        }
        return day;
    }

    /** N working days from the engine's now, at the same time of day (Beijing time): due dates and timers. */
    public Date workingDaysFromNow(int days) {
        ZonedDateTime now = EngineClock.now().atZone(EngineClock.BEIJING);
        LocalDate due = addWorkingDays(now.toLocalDate(), days);
        return Date.from(now.with(due).toInstant());
    }

    /** Years whose published calendar is in the table; any other year is plain Monday–Friday. */
    public Set<Integer> knownYears() {
        Set<Integer> years = new TreeSet<>();
        calendar.findYears().forEach(y -> years.add(y.yearNumber()));
        return years;
    }

    private boolean isWorkingDay(LocalDate day, Map<LocalDate, String> overrides) {
        String kind = overrides.get(day);
        if (kind != null) {
            return CalendarDay.WORKDAY.equals(kind);
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private Map<LocalDate, String> overrides(LocalDate from, LocalDate to) {
        warnOnceForUnknownYears(from.getYear(), to.getYear());
        Map<LocalDate, String> overrides = new HashMap<>();
        calendar.findBetween(from, to).forEach(d -> overrides.put(d.calendarDate(), d.kind()));
        return overrides;
    }

    /** Looks the years up once per JVM: the warning is for the log, the API answers from the table every time. */
    private void warnOnceForUnknownYears(int firstYear, int lastYear) {
        boolean allChecked = true;
        for (int year = firstYear; year <= lastYear; year++) {
            allChecked &= checkedYears.contains(year);
        }
        if (allChecked) {
            return;
        }
        Set<Integer> known = knownYears();
        for (int year = firstYear; year <= lastYear; year++) {
            if (checkedYears.add(year) && !known.contains(year)) {
                log.warn("工作日历缺少 {} 年的法定节假日安排，按周一至周五计算 / No official holiday calendar for {}: "
                        + "counting Monday to Friday. An administrator should enter the State Council's notice.", year, year);
            }
        }
    }
}
