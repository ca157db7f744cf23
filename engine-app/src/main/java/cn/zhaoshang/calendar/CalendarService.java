package cn.zhaoshang.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Callers;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.Groups;

/**
 * The rules of the calendar's upkeep, once for the REST API and the administration page: who may change it, what a
 * valid day or year is, and which years still count Monday to Friday. Invalid input throws
 * {@link ApiException#validation} with every field's error and writes nothing.
 */
@Service
public class CalendarService {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private final WorkingCalendar workingCalendar;
    private final CalendarMapper calendar;

    CalendarService(WorkingCalendar workingCalendar, CalendarMapper calendar) {
        this.workingCalendar = workingCalendar;
        this.calendar = calendar;
    }

    /** The N-th working day after {@code from}, and whether every year it crosses has a published calendar. */
    public record WorkingDays(LocalDate from, int days, LocalDate date, boolean calendarKnown) {
    }

    /** {@code from} and {@code days} as typed (a query string or a form): both checked, both errors reported. */
    public WorkingDays addWorkingDays(String from, String days) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = FormValues.date(from, "from", errors);
        if (start == null && errors.isEmpty()) {
            errors.add(new FieldError("from", "起算日期不能为空 / from is required"));
        }
        Integer count = null;
        if (days == null || days.isBlank()) {
            errors.add(new FieldError("days", "工作日数不能为空 / days is required"));
        } else {
            try {
                count = Integer.valueOf(days.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("days", "工作日数必须是整数 / days must be a whole number"));
            }
        }
        if (count != null && (count < 0 || count > WorkingCalendar.MAX_DAYS)) {
            errors.add(new FieldError("days", "工作日数须在 0 至 " + WorkingCalendar.MAX_DAYS
                    + " 之间 / days must be between 0 and " + WorkingCalendar.MAX_DAYS));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        LocalDate date = workingCalendar.addWorkingDays(start, count);
        Set<Integer> known = workingCalendar.knownYears();
        boolean allKnown = true;
        for (int year = start.getYear(); year <= date.getYear(); year++) {
            allKnown &= known.contains(year);
        }
        return new WorkingDays(start, count, date, allKnown);
    }

    public List<CalendarYear> years() {
        return calendar.findYears();
    }

    public boolean isKnown(int year) {
        return workingCalendar.knownYears().contains(year);
    }

    /** This year and next (engine clock, Beijing time) when their calendar is not entered yet: deadlines run into them. */
    public List<Integer> missingYearsAhead() {
        Set<Integer> known = workingCalendar.knownYears();
        int thisYear = EngineClock.today().getYear();
        List<Integer> missing = new ArrayList<>();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            if (!known.contains(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    /** What people read when a year has no calendar: the same sentence in the API, the log's reader and the page. */
    public static String unknownYearWarning(int year) {
        return year + " 年尚未录入国务院办公厅节假日安排，暂按周一至周五计算 / The " + year
                + " holidays are not entered yet; working days are counted Monday to Friday";
    }

    /** A year the calendar keeps: {@value #FIRST_YEAR}–{@value #LAST_YEAR}. */
    public static boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    public List<CalendarDay> days(int year) {
        if (!inRange(year)) {
            throw ApiException.validation(List.of(yearOutOfRange()));
        }
        return calendar.findBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** A holiday on a weekday or a make-up workday (调休) on a weekend; an existing entry of that date is replaced. */
    @Transactional
    public CalendarDay saveDay(LocalDate day, String kind, String name, Authentication caller) {
        return saveDay(day, new ArrayList<>(), kind, name, caller);
    }

    /** The same, with the date as a person typed it (yyyy-MM-dd). */
    @Transactional
    public CalendarDay saveDay(String date, String kind, String name, Authentication caller) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate day = FormValues.date(date, "date", errors);
        if (day == null && errors.isEmpty()) {
            errors.add(new FieldError("date", "日期不能为空 / date is required"));
        }
        return saveDay(day, errors, kind, name, caller);
    }

    private CalendarDay saveDay(LocalDate day, List<FieldError> errors, String kind, String name, Authentication caller) {
        requireAdmin(caller);
        if (day != null && !inRange(day.getYear())) {
            errors.add(new FieldError("date", "日期须在 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 年之间 / date must be between "
                    + FIRST_YEAR + " and " + LAST_YEAR));
        }
        if (!CalendarDay.HOLIDAY.equals(kind) && !CalendarDay.WORKDAY.equals(kind)) {
            errors.add(new FieldError("kind", "类型只能是放假（HOLIDAY）或调休上班（WORKDAY） / kind must be HOLIDAY or WORKDAY"));
        }
        FormValues.requireText(errors, "name", name, 50, "名称");
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        CalendarDay entry = new CalendarDay(day, kind, name.strip());
        if (calendar.updateDay(entry) == 0) {
            calendar.insertDay(entry);
        }
        return entry;
    }

    @Transactional
    public void deleteDay(LocalDate day, Authentication caller) {
        requireAdmin(caller);
        if (calendar.deleteDay(day) == 0) {
            throw ApiException.notFound(day + " 没有特别安排 / " + day + " has no entry");
        }
    }

    /** Marks a year as entered from the State Council's notice (its days are entered one by one). */
    @Transactional
    public CalendarYear registerYear(int year, String source, Authentication caller) {
        return registerYear(year, new ArrayList<>(), source, caller);
    }

    /** The same, with the year as a person typed it. */
    @Transactional
    public CalendarYear registerYear(String year, String source, Authentication caller) {
        List<FieldError> errors = new ArrayList<>();
        Integer number = null;
        if (year == null || year.isBlank()) {
            errors.add(new FieldError("year", "年份不能为空 / year is required"));
        } else {
            try {
                number = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                errors.add(yearOutOfRange());
            }
        }
        return registerYear(number == null ? FIRST_YEAR : number, errors, source, caller);
    }

    private CalendarYear registerYear(int year, List<FieldError> errors, String source, Authentication caller) {
        requireAdmin(caller);
        if (errors.isEmpty() && !inRange(year)) {
            errors.add(yearOutOfRange());
        }
        FormValues.requireText(errors, "source", source, 300, "依据（国务院办公厅通知）");
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        CalendarYear entry = new CalendarYear(year, source.strip(), caller.getName(), EngineClock.now());
        if (calendar.updateYear(entry) == 0) {
            calendar.insertYear(entry);
        }
        return entry;
    }

    /** The error of a year outside {@value #FIRST_YEAR}–{@value #LAST_YEAR} or not a number. */
    public static FieldError yearOutOfRange() {
        return new FieldError("year", "年份须是 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间的四位数字 / year must be between "
                + FIRST_YEAR + " and " + LAST_YEAR);
    }

    private static void requireAdmin(Authentication caller) {
        Callers.requireAnyGroup(caller, "只有系统管理员可以维护工作日历 / Only an administrator maintains the calendar",
                Groups.ADMIN);
    }
}
