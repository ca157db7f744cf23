package cn.zhaoshang.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.calendar.CalendarMapper;
import cn.zhaoshang.calendar.WorkingCalendar;
import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.Browser;
import cn.zhaoshang.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 工作日历维护 in a real headless Chromium, as the administrator and an official use it: the login page (a wrong
 * password first), the warning for a year without a published calendar, a holiday added on a weekday that the
 * working-day count then skips, a bad date and a missing name refused in Chinese next to the field with nothing
 * written, a year registered, the day deleted again; a reporter gets the Chinese 403 page. Screenshots of every page
 * are in engine-app/target/screenshots/.
 */
@BrowserTest
class CalendarAdminPageIT extends AppIT {

    @Autowired
    CalendarMapper calendarMapper;
    @Autowired
    WorkingCalendar workingCalendar;

    @Test
    void administratorKeepsTheCalendar() {
        // a year nobody entered (the seeded years are 2024–2026, other tests register 2027)
        int year = firstYearWithoutCalendar();
        LocalDate tuesday = LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY)).plusWeeks(1);
        LocalDate wednesday = tuesday.plusDays(1);
        LocalDate thursday = tuesday.plusDays(2);

        try (Browser browser = Browser.open("http://localhost:" + port, "calendar-admin")) {
            browser.go("/admin/calendar");
            assertThat(browser.path()).as("not logged in: to the login page").startsWith("/login");
            assertThat(browser.text("h1")).isEqualTo("登录");
            browser.assertEveryFieldLabelled();
            browser.screenshot("login");

            browser.type("#username", "admin").type("#password", "wrong-password").clickAndWait("form.stacked button");
            assertThat(browser.text("#login-error")).startsWith("用户名或密码错误");
            assertThat(browser.path()).isEqualTo("/login?error");
            browser.screenshot("login-wrong-password");

            waitUntilLoginAllowed("admin"); // the engine delays the next login of an account after a wrong password
            browser.type("#username", "admin").type("#password", "demo").pressAndWait("#password", Keys.ENTER);
            assertThat(browser.path()).as("back to the page asked for").startsWith("/admin/calendar");
            assertThat(browser.text("h1")).isEqualTo("工作日历维护");
            assertThat(browser.text("#years")).contains("2026", "国务院办公厅关于2026年部分节假日安排的通知");
            browser.assertEveryFieldLabelled();
            browser.screenshot("calendar");

            browser.go("/admin/calendar?year=" + year);
            assertThat(browser.text("#days-title")).startsWith(year + " 年");
            assertThat(browser.text("#shown-year-warning"))
                    .isEqualTo(year + " 年尚未录入国务院办公厅节假日安排，暂按周一至周五计算");
            assertThat(browser.has("#days tr[data-date]")).isFalse();

            // before: the Wednesday is an ordinary working day
            calculate(browser, tuesday, 1);
            assertThat(browser.text("#calc-result")).contains(wednesday + "（星期三）", "按周一至周五计算");

            browser.type("#day-date", wednesday.toString()).choose("#day-kind", "放假").type("#day-name", "测试假日")
                    .clickAndWait("#day-form button");
            assertThat(browser.text("#notice")).isEqualTo("已保存：" + wednesday + "（星期三）放假，测试假日。");
            assertThat(browser.text("#days tr[data-date='" + wednesday + "']")).contains("星期三", "放假", "测试假日");
            browser.screenshot("holiday-added", "#days");

            calculate(browser, tuesday, 1);
            assertThat(browser.text("#calc-result")).contains(thursday + "（星期四）");
            Response api = get("/api/calendar/add-working-days?from=" + tuesday + "&days=1", "reporter");
            assertThat(api.json().get("date").asText()).as("the API counts the same way").isEqualTo(thursday.toString());
            browser.screenshot("calculator", "#calc-result");

            // a date that does not exist: refused next to the field, in Chinese, nothing written
            browser.type("#day-date", year + "-02-30").type("#day-name", "不存在的日子").clickAndWait("#day-form button");
            assertThat(browser.text("#day-date-error")).isEqualTo("日期格式应为 yyyy-MM-dd");
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("focus on the field to correct")
                    .isEqualTo("day-date");
            assertThat(browser.find("#day-date").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#day-date").getAttribute("value")).as("what was typed stays").isEqualTo(year + "-02-30");
            assertThat(browser.text("#problem")).isEqualTo("未保存：请按提示改正后再提交。");
            browser.screenshot("bad-date", "#day-form");
            // a real date without a name: the name is refused and the date is not written either
            LocalDate june = LocalDate.of(year, 6, 4);
            browser.type("#day-date", june.toString()).type("#day-name", " ").clickAndWait("#day-form button");
            assertThat(browser.text("#day-name-error")).isEqualTo("名称不能为空");
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("day-name");
            assertThat(browser.has("#day-date-error")).isFalse();
            assertThat(calendarMapper.findBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                    .extracting(d -> d.calendarDate()).containsExactly(wednesday);

            // registering a year: a bad one is refused, nothing registered; then the year's warning goes away
            browser.go("/admin/calendar?year=" + year);
            browser.type("#year-number", "二〇三一").type("#year-source", "").clickAndWait("#year-form button");
            assertThat(browser.text("#year-number-error")).startsWith("年份须是 2000 至 2100 之间");
            assertThat(browser.text("#year-source-error")).isEqualTo("依据（国务院办公厅通知）不能为空");
            assertThat(workingCalendar.knownYears()).doesNotContain(year);
            browser.screenshot("bad-year", "#year-form");
            String notice = "国办发明电〔" + (year - 1) + "〕9号《国务院办公厅关于" + year + "年部分节假日安排的通知》（测试）";
            browser.type("#year-number", String.valueOf(year)).type("#year-source", notice)
                    .clickAndWait("#year-form button");
            assertThat(browser.text("#notice")).startsWith("已登记 " + year + " 年的节假日安排");
            assertThat(browser.has("#shown-year-warning")).isFalse();
            assertThat(browser.text("#years tr[data-year='" + year + "']")).contains(notice, "admin");

            // delete the holiday again: the Wednesday counts again
            browser.clickAndWait("#days tr[data-date='" + wednesday + "'] button");
            assertThat(browser.text("#notice")).isEqualTo("已删除 " + wednesday + "（星期三）的特别安排，该日恢复按星期计算。");
            assertThat(browser.has("#days tr[data-date='" + wednesday + "']")).isFalse();
            assertThat(calendarMapper.findBetween(wednesday, wednesday)).isEmpty();
            calculate(browser, tuesday, 1);
            assertThat(browser.text("#calc-result")).contains(wednesday + "（星期三）").doesNotContain("按周一至周五计算");
            browser.screenshotAt(390, 844, "calendar-phone");

            browser.go("/");
            assertThat(browser.text("h1")).isEqualTo("工作台");
            assertThat(browser.text(".tiles a[href='/admin/calendar']")).isEqualTo("工作日历维护");
            browser.screenshot("home-admin");

            browser.assertNoConsoleErrors();
            browser.clickAndWait(".logout button");
            assertThat(browser.path()).isEqualTo("/login?logout");
            assertThat(browser.text("main")).contains("您已安全退出登录");
            browser.screenshot("logged-out");
            browser.go("/admin/calendar");
            assertThat(browser.path()).as("logged out: the page needs a login again").startsWith("/login");
        }
    }

    @Test
    void otherOfficialsGetTheForbiddenPage() throws Exception {
        try (Browser browser = Browser.open("http://localhost:" + port, "calendar-forbidden")) {
            browser.go("/login");
            browser.type("#username", "reporter").type("#password", "demo").clickAndWait("form.stacked button");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text("h1")).isEqualTo("工作台");
            assertThat(browser.text("main")).contains("reporter").doesNotContain("工作日历维护");
            browser.screenshot("home-reporter");

            browser.go("/admin/calendar");
            assertThat(browser.text("h1")).isEqualTo("无权访问（403）");
            assertThat(browser.text("main")).contains("没有访问此页面的权限").doesNotContain("Exception");
            browser.screenshot("forbidden");

            HttpRequest asThisSession = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/calendar"))
                    .header("Cookie", browser.sessionCookie()).header("Accept", "text/html").GET().build();
            Response forbidden = send(asThisSession);
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.body()).contains("无权访问");
            browser.screenshotAt(390, 844, "forbidden-phone");
            browser.assertNoConsoleErrors();
        }
    }

    private static void calculate(Browser browser, LocalDate from, int days) {
        browser.type("#calc-from", from.toString()).type("#calc-days", String.valueOf(days))
                .clickAndWait("#calculator button");
    }

    private int firstYearWithoutCalendar() {
        Set<Integer> known = workingCalendar.knownYears();
        int year = 2031;
        while (known.contains(year)) {
            year++;
        }
        return year;
    }

    /** Camunda refuses even the right password while an account is in its delay after a wrong one (a few seconds). */
    private void waitUntilLoginAllowed(String userId) {
        UserEntity user = (UserEntity) identityService.createUserQuery().userId(userId).singleResult();
        Date until = user.getLockExpirationTime();
        long deadline = System.nanoTime() + 70_000_000_000L;
        while (until != null && ClockUtil.getCurrentTime().before(until) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
