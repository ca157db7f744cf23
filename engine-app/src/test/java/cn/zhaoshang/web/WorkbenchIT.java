package cn.zhaoshang.web;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.calendar.CalendarMapper;
import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.WorkbenchSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench's door as a plain HTTP client sees it (the browser test covers the pages): login by form and session
 * only, CSRF on every write, strict headers, Chinese error pages; the API and the Camunda webapps keep their own rules.
 */
class WorkbenchIT extends AppIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    CalendarMapper calendarMapper;

    @Test
    void pagesNeedAFormLogin_notHttpBasic() {
        Response anonymous = get("/admin/calendar", null);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
        Response basic = send(request("/admin/calendar", "admin").header("Accept", "text/html").GET().build());
        assertThat(basic.status()).as("the workbench takes no Basic credentials").isEqualTo(302);
        assertThat(get("/", null).headers().firstValue("Location").orElse("")).as("/ is the workbench, not Camunda")
                .endsWith("/login");
    }

    @Test
    void loginPage_carriesTheCsrfTokenAndStrictHeaders() {
        Response login = get("/login", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("<html lang=\"zh-CN\"", "用户名", "密码").containsPattern(CSRF);
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void writesWithoutTheCsrfToken_areRefused_andWriteNothing() {
        WorkbenchSession admin = WorkbenchSession.login(port, "admin");
        LocalDate day = LocalDate.of(2099, 3, 4);
        calendarMapper.deleteDay(day); // a persistent MariaDB may keep it from an interrupted run
        HttpResponse<String> forged = admin.postWithoutToken("/admin/calendar/days",
                Map.of("date", day.toString(), "kind", "HOLIDAY", "name", "伪造"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(calendarMapper.findBetween(day, day)).isEmpty();

        HttpResponse<String> saved = admin.post("/admin/calendar/days",
                Map.of("date", day.toString(), "kind", "HOLIDAY", "name", "测试"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.follow(saved).body()).contains("已保存：" + day + "（星期三）放假，测试。");
        assertThat(calendarMapper.findBetween(day, day)).hasSize(1);
        HttpResponse<String> deleted = admin.post("/admin/calendar/days/" + day + "/delete", Map.of());
        assertThat(admin.follow(deleted).body()).contains("已删除 " + day);
        assertThat(calendarMapper.findBetween(day, day)).isEmpty();

        HttpResponse<String> again = admin.post("/admin/calendar/days/" + day + "/delete", Map.of());
        assertThat(again.statusCode()).as("deleting a day without an entry: a notice, not an error").isEqualTo(302);
        assertThat(admin.follow(again).body()).contains(day + " 没有特别安排，无需删除。");
    }

    @Test
    void badRequestsAndUnknownPages_getAChinesePage() {
        WorkbenchSession admin = WorkbenchSession.login(port, "admin");
        HttpResponse<String> badDate = admin.post("/admin/calendar/days/2031-02-30/delete", Map.of());
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("请求参数缺失或格式不正确").doesNotContain("Exception", "\"status\"");

        HttpResponse<String> unknown = admin.get("/admin/no-such-page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("页面不存在").doesNotContain("Exception");
        assertThat(unknown.headers().firstValue("Content-Security-Policy").orElse("")).as("the error page is the workbench's")
                .contains("script-src 'self'").doesNotContain("unsafe");

        HttpResponse<String> forbidden = WorkbenchSession.login(port, "reporter").get("/admin/calendar");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("无权访问（403）", "当前用户：<strong>reporter</strong>");
        assertThat(forbidden.headers().firstValue("Content-Security-Policy").orElse("")).doesNotContain("unsafe");

        HttpResponse<String> badYear = admin.get("/admin/calendar?year=abc");
        assertThat(badYear.statusCode()).isEqualTo(200);
        assertThat(badYear.body()).contains("年份须是 2000 至 2100 之间的四位数字");

        HttpResponse<String> badCount = admin.get("/admin/calendar?from=2026-09-30&days=99999");
        assertThat(badCount.statusCode()).isEqualTo(400);
        assertThat(badCount.body()).contains("工作日数须在 0 至 2500 之间");
    }

    @Test
    void theApiStaysBasicOnly_andTheWebappsKeepTheirChain() {
        WorkbenchSession admin = WorkbenchSession.login(port, "admin");
        assertThat(admin.get("/api/calendar/years").statusCode()).as("a workbench session is no API login")
                .isEqualTo(401);
        assertThat(get("/api/calendar/years", "admin").status()).isEqualTo(200);
        Response tasklist = get("/camunda/app/tasklist/", null);
        assertThat(tasklist.status()).isIn(200, 302);
        assertThat(tasklist.headers().firstValue("Location").orElse("")).doesNotEndWith("/login");
    }
}
