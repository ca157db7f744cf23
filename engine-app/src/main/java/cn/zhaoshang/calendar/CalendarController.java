package cn.zhaoshang.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar over REST: other systems count working days the same way ({@code add-working-days}),
 * administrators keep the holidays and make-up workdays as the State Council publishes them. The rules are in
 * {@link CalendarService}, shared with the administration page (/admin/calendar).
 */
@RestController
@RequestMapping(path = "/api/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
class CalendarController {

    private final CalendarService calendar;

    CalendarController(CalendarService calendar) {
        this.calendar = calendar;
    }

    /** {@code ?from=2026-09-30&days=3} → {@code {"date":"2026-10-12"}}: the N-th working day after {@code from}. */
    @GetMapping("/add-working-days")
    Map<String, Object> addWorkingDays(@RequestParam String from, @RequestParam String days) {
        CalendarService.WorkingDays result = calendar.addWorkingDays(from, days);
        return Map.of("from", result.from().toString(), "days", result.days(), "date", result.date().toString(),
                "calendarKnown", result.calendarKnown());
    }

    @GetMapping("/years")
    Map<String, Object> years() {
        List<String> warnings = calendar.missingYearsAhead().stream().map(CalendarService::unknownYearWarning).toList();
        return Map.of("years", calendar.years(), "warnings", warnings);
    }

    @GetMapping("/days")
    List<CalendarDay> days(@RequestParam int year) {
        return calendar.days(year);
    }

    record DayBody(String kind, String name) {
    }

    @PutMapping(path = "/days/{day}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CalendarDay putDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestBody DayBody body, Authentication caller) {
        return calendar.saveDay(day, body.kind(), body.name(), caller);
    }

    @DeleteMapping("/days/{day}")
    ResponseEntity<Void> deleteDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Authentication caller) {
        calendar.deleteDay(day, caller);
        return ResponseEntity.noContent().build();
    }

    record YearBody(String source) {
    }

    /** Marks a year as entered from the State Council's notice (its days are entered with PUT /days/{day}). */
    @PutMapping(path = "/years/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CalendarYear putYear(@PathVariable int year, @RequestBody YearBody body, Authentication caller) {
        return calendar.registerYear(year, body.source(), caller);
    }
}
