package cn.zhaoshang.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zhaoshang.calendar.CalendarDay;
import cn.zhaoshang.calendar.CalendarService;
import cn.zhaoshang.calendar.CalendarYear;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;

/**
 * 工作日历维护 (/admin/calendar, administrators only): the years entered and where they come from, a warning for this
 * year and next while their State Council notice is not entered, the special days of one year, forms to add, change
 * and delete a day and to register a year, and an "N 个工作日后" calculator. Writes go through {@link CalendarService},
 * the same rules as PUT/DELETE /api/calendar; a refused form is shown again with each error next to its field.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

    private static final String VIEW = "admin/calendar";
    private static final DateTimeFormatter ENTERED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(EngineClock.BEIJING);

    private final CalendarService calendar;

    CalendarAdminController(CalendarService calendar) {
        this.calendar = calendar;
    }

    record YearRow(int year, String source, String enteredBy, String enteredAt) {
    }

    record DayRow(String date, String weekday, String kind, String kindLabel, String name) {
    }

    /** What a form holds when it is shown (again): the values as typed, and the error of each field. */
    record Form(Map<String, String> values, Map<String, String> errors) {

        static Form of(String... namesAndValues) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                values.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
            }
            return new Form(values, Map.of());
        }

        Form refused(List<FieldError> fieldErrors) {
            return new Form(values, Chinese.byField(fieldErrors));
        }

        /** The field a refused form focuses (and so scrolls to), the first one in error. */
        public boolean focus(String field) {
            return !errors.isEmpty() && errors.keySet().iterator().next().equals(field);
        }
    }

    record Kind(String value, String label) {
    }

    record Result(String from, int days, String date, String weekday, boolean calendarKnown) {
    }

    @GetMapping
    ModelAndView page(@RequestParam(required = false) String year, @RequestParam(required = false) String edit,
            @RequestParam(required = false) String from, @RequestParam(required = false) String days) {
        Integer asked = year == null || year.isBlank() ? null : validYear(year);
        int shown = asked != null ? asked : EngineClock.today().getYear();
        Form view = Form.of("year", year == null ? String.valueOf(shown) : year);
        if (year != null && !year.isBlank() && asked == null) {
            view = view.refused(List.of(CalendarService.yearOutOfRange()));
        }
        ModelAndView page = new ModelAndView(VIEW);
        Form day = Form.of("date", "", "kind", CalendarDay.HOLIDAY, "name", "");
        if (edit != null) {
            for (CalendarDay existing : calendar.days(shown)) {
                if (existing.calendarDate().toString().equals(edit)) {
                    day = Form.of("date", edit, "kind", existing.kind(), "name", existing.name());
                }
            }
        }
        Form calculator = Form.of("from", from == null ? EngineClock.today().toString() : from, "days",
                days == null ? "" : days);
        if (from != null || days != null) {
            try {
                CalendarService.WorkingDays result = calendar.addWorkingDays(from, days);
                page.addObject("result", new Result(result.from().toString(), result.days(), result.date().toString(),
                        weekday(result.date()), result.calendarKnown()));
            } catch (ApiException e) {
                calculator = refusedOrThrow(calculator, e);
                page.setStatus(HttpStatus.BAD_REQUEST);
            }
        }
        return fill(page, shown, view, day, Form.of("year", "", "source", ""), calculator);
    }

    @PostMapping("/days")
    ModelAndView saveDay(@RequestParam(required = false) String date, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String name, @RequestParam(required = false) String shownYear,
            Authentication caller, RedirectAttributes flash) {
        Form day = Form.of("date", date, "kind", kind, "name", name);
        try {
            CalendarDay saved = calendar.saveDay(date, kind, name, caller);
            flash.addFlashAttribute("notice", "已保存：" + saved.calendarDate() + "（" + weekday(saved.calendarDate()) + "）"
                    + kindLabel(saved.kind()) + "，" + saved.name() + "。");
            return redirect(saved.calendarDate().getYear());
        } catch (ApiException e) {
            return refusedPage(shownYear, refusedOrThrow(day, e), null);
        }
    }

    @PostMapping("/days/{date}/delete")
    ModelAndView deleteDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Authentication caller, RedirectAttributes flash) {
        try {
            calendar.deleteDay(date, caller);
            flash.addFlashAttribute("notice", "已删除 " + date + "（" + weekday(date) + "）的特别安排，该日恢复按星期计算。");
        } catch (ApiException e) {
            if (e.status() != HttpStatus.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("problem", Chinese.of(e.getMessage()) + "，无需删除。");
        }
        return redirect(date.getYear());
    }

    @PostMapping("/years")
    ModelAndView registerYear(@RequestParam(required = false) String year, @RequestParam(required = false) String source,
            @RequestParam(required = false) String shownYear, Authentication caller, RedirectAttributes flash) {
        Form form = Form.of("year", year, "source", source);
        try {
            CalendarYear saved = calendar.registerYear(year, source, caller);
            flash.addFlashAttribute("notice", "已登记 " + saved.yearNumber() + " 年的节假日安排，依据：" + saved.source()
                    + "。请逐日录入放假和调休上班日。");
            return redirect(saved.yearNumber());
        } catch (ApiException e) {
            return refusedPage(shownYear, null, refusedOrThrow(form, e));
        }
    }

    /** A refused form on the page it came from (the year shown then), with status 400 and nothing written. */
    private ModelAndView refusedPage(String shownYear, Form day, Form year) {
        Integer asked = shownYear == null ? null : validYear(shownYear);
        int shown = asked != null ? asked : EngineClock.today().getYear();
        ModelAndView page = new ModelAndView(VIEW);
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("problem", "未保存：请按提示改正后再提交。");
        return fill(page, shown, Form.of("year", String.valueOf(shown)),
                day != null ? day : Form.of("date", "", "kind", CalendarDay.HOLIDAY, "name", ""),
                year != null ? year : Form.of("year", "", "source", ""),
                Form.of("from", EngineClock.today().toString(), "days", ""));
    }

    private ModelAndView fill(ModelAndView page, int shown, Form view, Form day, Form year, Form calculator) {
        List<YearRow> years = calendar.years().stream()
                .map(y -> new YearRow(y.yearNumber(), y.source(), y.updatedBy(), ENTERED_AT.format(y.updatedAt())))
                .toList();
        List<DayRow> days = calendar.days(shown).stream()
                .map(d -> new DayRow(d.calendarDate().toString(), weekday(d.calendarDate()), d.kind(), kindLabel(d.kind()),
                        d.name()))
                .toList();
        boolean shownKnown = years.stream().anyMatch(y -> y.year() == shown);
        page.addObject("warnings", calendar.missingYearsAhead().stream()
                .map(y -> Chinese.of(CalendarService.unknownYearWarning(y))).toList());
        page.addObject("years", years);
        page.addObject("shownYear", shown);
        page.addObject("shownYearWarning", shownKnown ? null : Chinese.of(CalendarService.unknownYearWarning(shown)));
        page.addObject("days", days);
        page.addObject("view", view);
        page.addObject("day", day);
        page.addObject("yearForm", year);
        page.addObject("calculator", calculator);
        page.addObject("kinds", List.of(new Kind(CalendarDay.HOLIDAY, kindLabel(CalendarDay.HOLIDAY)),
                new Kind(CalendarDay.WORKDAY, kindLabel(CalendarDay.WORKDAY))));
        return page;
    }

    /** The year typed, or null when it is not a number or not a year the calendar keeps. */
    private static Integer validYear(String text) {
        try {
            int year = Integer.parseInt(text.strip());
            return CalendarService.inRange(year) ? year : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Form refusedOrThrow(Form form, ApiException e) {
        List<FieldError> errors = e.toBody().errors();
        if (e.status() != HttpStatus.BAD_REQUEST || errors == null || errors.isEmpty()) {
            throw e;
        }
        return form.refused(errors);
    }

    private static ModelAndView redirect(int year) {
        return new ModelAndView("redirect:/admin/calendar?year=" + year);
    }

    static String weekday(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.SIMPLIFIED_CHINESE);
    }

    static String kindLabel(String kind) {
        return CalendarDay.WORKDAY.equals(kind) ? "调休上班" : "放假";
    }
}
