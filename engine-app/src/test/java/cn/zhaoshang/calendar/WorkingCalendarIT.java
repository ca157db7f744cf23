package cn.zhaoshang.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.agreement.ReviewDeadlines;
import cn.zhaoshang.appeal.AppealDeadlines;
import cn.zhaoshang.support.AppIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The working-day calendar on the real database, pinned to the State Council's published arrangements for 2024–2026
 * (the seeded years): make-up weekend days count, holiday weekdays do not, unknown years are Monday–Friday.
 */
class WorkingCalendarIT extends AppIT {

    @Autowired
    WorkingCalendar calendar;
    @Autowired
    ReviewDeadlines reviewDeadlines;
    @Autowired
    AppealDeadlines appealDeadlines;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
            "2025-09-28, true",   // Sunday, 国庆调休上班
            "2025-10-01, false",  // Wednesday, 国庆节
            "2025-10-08, false",  // Wednesday, 国庆中秋合并第 8 天
            "2025-10-11, true",   // Saturday, 调休上班
            "2025-01-01, false",  // Wednesday, 元旦 (不调休)
            "2026-02-14, true",   // Saturday, 春节调休上班
            "2026-02-16, false",  // Monday, 春节
            "2026-02-28, true",   // Saturday, 调休上班
            "2026-05-09, true",   // Saturday, 劳动节调休上班
            "2026-06-19, false",  // Friday, 端午节
            "2024-02-18, true",   // Sunday, 春节调休上班
            "2024-06-10, false",  // Monday, 端午节
            "2026-11-21, false",  // an ordinary Saturday
            "2026-11-23, true"})  // an ordinary Monday
    void officialCalendar(LocalDate day, boolean working) {
        assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{1} working days after {0} is {2}")
    @CsvSource({
            "2025-09-30, 1, 2025-10-09",  // the whole 国庆 break is skipped
            "2026-09-30, 3, 2026-10-10",  // …and the make-up Saturday counts
            "2026-02-13, 1, 2026-02-14",  // Friday before 春节: the make-up Saturday is the next working day
            "2026-02-13, 2, 2026-02-24",  // then nine days off
            "2025-01-24, 7, 2025-02-10",  // chenzhou §15's 7 working days across 春节 2025
            "2026-11-23, 0, 2026-11-23",
            "2026-11-20, 5, 2026-11-27",
            "2030-01-04, 1, 2030-01-07"}) // a year not entered yet: Monday to Friday
    void addWorkingDays(LocalDate from, int days, LocalDate expected) {
        assertThat(calendar.addWorkingDays(from, days)).isEqualTo(expected);
    }

    @Test
    void deadlinesCountWorkingDaysFromTheEngineClock() {
        // a legal review started the day before the 2026 National Day break
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2026-09-30T10:00:00+08:00").toInstant()));
        assertThat(reviewDeadlines.reviewDueAt().toInstant()).isEqualTo(Instant.parse("2026-10-13T02:00:00Z"));
        assertThat(reviewDeadlines.escalationAt().toInstant()).isEqualTo(Instant.parse("2026-10-20T02:00:00Z"));
        // chenzhou §15: 7 working days from receipt, the answer due by the end of that day (Beijing time)
        assertThat(appealDeadlines.answerDueOn(LocalDate.parse("2026-09-30"))).isEqualTo(LocalDate.parse("2026-10-15"));
        assertThat(AppealDeadlines.endOf(LocalDate.parse("2026-10-15")).toInstant())
                .isEqualTo(Instant.parse("2026-10-15T15:59:59Z"));
    }

    @Test
    void rest_countsWorkingDays_andRefusesBadInput() {
        Response ok = get("/api/calendar/add-working-days?from=2025-09-30&days=1", "reporter");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("date").asText()).isEqualTo("2025-10-09");
        assertThat(ok.json().get("calendarKnown").asBoolean()).isTrue();
        assertThat(get("/api/calendar/add-working-days?from=2030-01-04&days=1", "reporter").json()
                .get("calendarKnown").asBoolean()).isFalse();
        for (String bad : new String[] {"from=2025-13-01&days=1", "from=yesterday&days=1", "from=2025-09-30&days=-1",
                "from=2025-09-30&days=99999", "from=2025-09-30&days=two", "from=2025-09-30"}) {
            Response response = get("/api/calendar/add-working-days?" + bad, "reporter");
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.body()).as(bad).doesNotContain("Exception");
        }
        assertThat(get("/api/calendar/add-working-days?from=2025-09-30&days=1", null).status()).isEqualTo(401);
    }

    @Test
    void administratorsEnterANewYear_andTheCalendarFollowsAtOnce() {
        assertThat(put("/api/calendar/days/2027-01-01", "center", Map.of("kind", "HOLIDAY", "name", "元旦")).status())
                .isEqualTo(403);
        assertThat(put("/api/calendar/days/2027-01-01", "admin", Map.of("kind", "DAY_OFF", "name", "元旦")).status())
                .isEqualTo(400);
        JsonHolder years = new JsonHolder(get("/api/calendar/years", "admin"));
        assertThat(years.body()).contains("2026");

        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue(); // a Friday, not entered yet
        assertThat(put("/api/calendar/days/2027-01-01", "admin", Map.of("kind", "HOLIDAY", "name", "元旦")).status())
                .isEqualTo(200);
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(put("/api/calendar/years/2027", "admin", Map.of("source", "测试：国务院办公厅关于2027年部分节假日安排的通知"))
                .status()).isEqualTo(200);
        assertThat(calendar.knownYears()).contains(2027);
        assertThat(delete("/api/calendar/days/2027-01-01", "admin").status()).isEqualTo(204);
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(delete("/api/calendar/days/2027-01-01", "admin").status()).isEqualTo(404);
    }

    private record JsonHolder(String body) {
        JsonHolder(Response response) {
            this(response.body());
        }
    }
}
