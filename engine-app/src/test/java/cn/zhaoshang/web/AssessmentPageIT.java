package cn.zhaoshang.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.zhaoshang.support.AppIT.Response;
import cn.zhaoshang.support.Browser;
import cn.zhaoshang.support.BrowserTest;
import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.target.Targets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 目标考核 in a real headless Chromium: a unit with a target of 2 signed projects this year and one project signed today
 * shows 1 of 2 (50.0%) in the table and the ranking; its figure links to the project behind it; the center issues the
 * monthly notice from the page and its download link appears. Screenshots in engine-app/target/screenshots/.
 */
@BrowserTest
class AssessmentPageIT extends LifecycleIT {

    @Test
    void aUnitsProgressTracesToItsProjects_andTheCenterIssuesTheNotice() {
        String unit = "page-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String name = "考核页面测试镇" + unit.substring(5);
        assertThat(put("/api/units/" + unit, "admin", Map.of("name", name, "kind", "TOWN")).status()).isEqualTo(200);
        int year = EngineClock.today().getYear();
        boolean inEffect = !get("/api/targets?year=" + year, "center").json().isEmpty();
        Response plan = post("/api/targets/plans", "center", inEffect
                ? Map.of("year", year, "kind", "ADJUSTMENT", "reason", "新设乡镇补充下达目标",
                        "items", List.of(Map.of("unitCode", unit, "metricCode", "SIGNED_PROJECTS", "targetValue", 2)))
                : Map.of("year", year, "kind", "DECOMPOSITION",
                        "items", List.of(Map.of("unitCode", unit, "metricCode", "SIGNED_PROJECTS", "targetValue", 2))));
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        completeOk("countyhead", task(plan.json().get("plan").get("processInstanceId").asText(), Targets.Step.APPROVE),
                Map.of("decision", "APPROVE"));
        String company = name + "精工有限公司";
        sign(approvedProject(unit, company, "页面测试项目"), 12000);

        try (Browser browser = Browser.open("http://localhost:" + port, "assessment")) {
            browser.go("/login");
            browser.type("#username", "center").type("#password", "demo").clickAndWait("form.stacked button");
            browser.go("/assessment?year=" + year + "&metric=SIGNED_PROJECTS");
            assertThat(browser.text("h1")).isEqualTo(year + " 年招商引资目标考核");
            String row = browser.driver().findElements(org.openqa.selenium.By.xpath(
                    "//section[@aria-labelledby='h-progress']//tr[th[text()='" + name + "']]")).get(0).getText();
            assertThat(row).contains("2 个", "1 个", "50.0%", "1 个项目");
            assertThat(browser.text("#ranking")).contains(name);
            browser.assertEveryFieldLabelled();
            browser.assertNoConsoleErrors();
            browser.screenshot("assessment");

            browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.xpath(
                    "//section[@aria-labelledby='h-progress']//tr[th[text()='" + name + "']]//a")));
            assertThat(browser.text("h1")).isEqualTo(name + " · 新引进签约项目");
            assertThat(browser.text("#projects")).contains(company);
            assertThat(browser.text("#total")).isEqualTo("1 个");
            browser.screenshot("assessment-projects");

            browser.go("/assessment");
            String period = EngineClock.today().minusMonths(1).toString().substring(0, 7);
            browser.type("#f-period", period).clickAndWait("form.inline button");
            assertThat(browser.text("#notice")).contains("全县招商引资工作通报");
            assertThat(browser.text("#notices")).contains(period.substring(0, 4) + "年"
                    + Integer.parseInt(period.substring(5)) + "月全县招商引资工作通报");

            // 被批评通报: refused without its reason, then listed for the year
            String number = "磐招领办〔" + year + "〕页" + unit.substring(5) + "号";
            browser.choose("#c-unit", name).type("#c-day", EngineClock.today().toString()).type("#c-number", number)
                    .clickAndWait("#submit-criticism");
            assertThat(browser.text("#h-criticisms ~ form .field.invalid")).contains("通报事由不能为空");
            assertThat(browser.find("#c-number").getAttribute("value")).isEqualTo(number);
            browser.type("#c-reason", "未按期完成领导小组交办的项目供地前期工作").clickAndWait("#submit-criticism");
            assertThat(browser.text("#notice")).contains("已登记批评通报 " + number, name, "一票否优");
            assertThat(browser.text("#criticisms")).contains(name, number, "未按期完成领导小组交办的项目供地前期工作");
            browser.assertEveryFieldLabelled();
            browser.assertNoConsoleErrors();
        }
    }
}
