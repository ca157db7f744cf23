package cn.zhaoshang.calendar;

import cn.zhaoshang.system.EngineClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Callers;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.Groups;

/**
 * The working-day calendar over REST: other systems count working days the same way ({@code add-working-days}),
 * administrators keep the holidays and make-up workdays as the State Council publishes them.
 */
@RestController
@RequestMapping(path = "/api/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
class CalendarController {

    private final WorkingCalendar workingCalendar;
    private final CalendarMapper calendar;

    CalendarController(WorkingCalendar workingCalendar, CalendarMapper calendar) {
        this.workingCalendar = workingCalendar;
        this.calendar = calendar;
    }

    /** {@code ?from=2026-09-30&days=3} → {@code {"date":"2026-10-12"}}: the N-th working day after {@code from}. */
    @GetMapping("/add-working-days")
    Map<String, Object> addWorkingDays(@RequestParam String from, @RequestParam String days) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = FormValues.date(from, "from", errors);
        Integer count = null;
        try {
            count = Integer.valueOf(days.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError("days", "days 必须是整数 / days must be a whole number"));
        }
        if (count != null && (count < 0 || count > WorkingCalendar.MAX_DAYS)) {
            errors.add(new FieldError("days", "days 须在 0 至 " + WorkingCalendar.MAX_DAYS + " 之间 / days must be between 0 and "
                    + WorkingCalendar.MAX_DAYS));
        }
        if (start == null && errors.isEmpty()) {
            errors.add(new FieldError("from", "from 不能为空 / from is required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        LocalDate date = workingCalendar.addWorkingDays(start, count);
        return Map.of("from", start.toString(), "days", count, "date", date.toString(),
                "calendarKnown", workingCalendar.knownYears().containsAll(years(start, date)));
    }

    @GetMapping("/years")
    Map<String, Object> years() {
        Set<Integer> known = workingCalendar.knownYears();
        int thisYear = Year.now(EngineClock.BEIJING).getValue();
        List<String> warnings = new ArrayList<>();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            if (!known.contains(year)) {
                warnings.add(year + " 年法定节假日安排尚未录入，按周一至周五计算工作日 / The " + year
                        + " holidays are not entered; working days are counted Monday to Friday");
            }
        }
        return Map.of("years", calendar.findYears(), "warnings", warnings);
    }

    @GetMapping("/days")
    List<CalendarDay> days(@RequestParam int year) {
        return calendar.findBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    record DayBody(String kind, String name) {
    }

    @PutMapping(path = "/days/{day}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    CalendarDay putDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestBody DayBody body, Authentication caller) {
        requireAdmin(caller);
        List<FieldError> errors = new ArrayList<>();
        if (!CalendarDay.HOLIDAY.equals(body.kind()) && !CalendarDay.WORKDAY.equals(body.kind())) {
            errors.add(new FieldError("kind", "kind 只能是 HOLIDAY（放假）或 WORKDAY（调休上班）/ kind must be HOLIDAY or WORKDAY"));
        }
        FormValues.requireText(errors, "name", body.name(), 50, "名称");
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        CalendarDay entry = new CalendarDay(day, body.kind(), body.name().strip());
        if (calendar.updateDay(entry) == 0) {
            calendar.insertDay(entry);
        }
        return entry;
    }

    @DeleteMapping("/days/{day}")
    @Transactional
    ResponseEntity<Void> deleteDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Authentication caller) {
        requireAdmin(caller);
        if (calendar.deleteDay(day) == 0) {
            throw ApiException.notFound(day + " 没有特别安排 / " + day + " has no entry");
        }
        return ResponseEntity.noContent().build();
    }

    record YearBody(String source) {
    }

    /** Marks a year as entered from the State Council's notice (its days are entered with PUT /days/{day}). */
    @PutMapping(path = "/years/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    CalendarYear putYear(@PathVariable int year, @RequestBody YearBody body, Authentication caller) {
        requireAdmin(caller);
        List<FieldError> errors = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            errors.add(new FieldError("year", "年份须在 2000 至 2100 之间 / year must be between 2000 and 2100"));
        }
        FormValues.requireText(errors, "source", body.source(), 300, "依据（国务院办公厅通知）");
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        CalendarYear entry = new CalendarYear(year, body.source().strip(), caller.getName(), Instant.now());
        if (calendar.updateYear(entry) == 0) {
            calendar.insertYear(entry);
        }
        return entry;
    }

    private static void requireAdmin(Authentication caller) {
        Callers.requireAnyGroup(caller, "只有系统管理员可以维护工作日历 / Only an administrator maintains the calendar",
                Groups.ADMIN);
    }

    private static List<Integer> years(LocalDate from, LocalDate to) {
        List<Integer> years = new ArrayList<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            years.add(y);
        }
        return years;
    }
}
