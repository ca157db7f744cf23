package cn.zhaoshang.web;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import cn.zhaoshang.support.Browser;
import cn.zhaoshang.support.BrowserTest;
import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.target.Targets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The investment center's target-plan pages, the metric switch and the office posting form in a real headless
 * Chromium: a decomposition drafted in the units × metrics grid (a wrong cell refused next to it, the figures kept), the
 * county head's return, the revision from the plan's page and its task, the approval; then an adjustment that sends
 * only the changed figure with its reason. An administrator switches a metric off and it leaves the grid; the center
 * sets an outside office's posting. Screenshots in engine-app/target/screenshots/.
 */
@BrowserTest
class TargetPlanPagesIT extends LifecycleIT {

    @Test
    void theCenterDraftsReturnedRevisesAndAdjustsAPlan_inTheGrid() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String unit = "plan-" + suffix;
        String unitName = "方案页面测试镇" + suffix;
        assertThat(put("/api/units/" + unit, "admin", Map.of("name", unitName, "kind", "TOWN")).status()).isEqualTo(200);
        int year = unusedYear();
        String cell = "input[name='t:" + unit + ":SIGNED_PROJECTS']";
        String county = "input[name='t::SIGNED_PROJECTS']";

        try (Browser browser = Browser.open("http://localhost:" + port, "plans")) {
            login(browser, "center");
            browser.go("/assessment");
            browser.clickAndWait("#plans-link");
            browser.go("/assessment/plans?year=" + year);
            assertThat(browser.text("#no-plans")).contains("还没有目标任务方案");
            assertThat(browser.text("#new-plan")).isEqualTo("起草年度目标任务分解");
            browser.clickAndWait("#new-plan");
            assertThat(browser.text("h1")).isEqualTo("起草 " + year + " 年年度目标任务分解");
            browser.assertEveryFieldLabelled();

            // a figure that is no number, then a count with decimals: refused on the cell, the other figure kept
            browser.type(county, "40").type(cell, "3 pieces").clickAndWait("#submit-plan");
            assertThat(cellError(browser, unit)).isEqualTo("请填写数字");
            assertThat(browser.find(county).getAttribute("value")).isEqualTo("40");
            browser.type(cell, "2.5").clickAndWait("#submit-plan");
            assertThat(cellError(browser, unit)).contains("项目个数须为整数");
            browser.screenshot("plan-draft-refused");
            browser.type(cell, "3").clickAndWait("#submit-plan");
            assertThat(browser.text("#notice")).contains("已报县长审定", year + " 年年度目标任务分解", "2 项目标");
            assertThat(browser.text("#plan-status")).isEqualTo("县长审定中");
            assertThat(browser.text("#items")).contains("全县", "40 个", unitName, "3 个");
            assertThat(browser.has("#revise-plan")).isFalse();
            long planId = Long.parseLong(browser.path().substring(browser.path().lastIndexOf('/') + 1));
            String process = get("/api/targets/plans/" + planId, "center").json().get("plan").get("processInstanceId")
                    .asText();

            completeOk("countyhead", task(process, Targets.Step.APPROVE), Map.of("decision", "RETURN", "opinion",
                    "该镇目标偏低，请上调。"));
            browser.go("/assessment/plans/" + planId);
            assertThat(browser.text("#plan-status")).isEqualTo("已退回修改");
            assertThat(browser.text("#plan-facts")).contains("该镇目标偏低，请上调。");
            browser.clickAndWait("#revise-plan");
            assertThat(browser.text("h1")).isEqualTo("修改 " + year + " 年年度目标任务分解");
            assertThat(browser.find(cell).getAttribute("value")).isEqualTo("3");
            browser.type(cell, "4").clickAndWait("#submit-plan");
            // to the revision task, which resubmits
            assertThat(browser.path()).startsWith("/tasks/");
            assertThat(browser.text("#notice")).contains("方案已修改（2 项目标）");
            assertThat(browser.text("main")).contains("修改目标任务方案");
            browser.find("#task-form [data-key='decision'] input[value='RESUBMIT']").click();
            browser.clickAndWait("#submit-task");
            completeOk("countyhead", task(process, Targets.Step.APPROVE), Map.of("decision", "APPROVE"));
            assertThat(target(year, unit)).isEqualTo(4);

            // an adjustment: the grid holds the figures in effect; only a changed one goes, with its reason
            browser.go("/assessment/plans?year=" + year);
            assertThat(browser.text("#plans")).contains("已生效");
            assertThat(browser.text("#new-plan")).isEqualTo("起草年中调整");
            browser.clickAndWait("#new-plan");
            assertThat(browser.find(cell).getAttribute("value")).isEqualTo("4");
            browser.clickAndWait("#submit-plan");
            assertThat(browser.text("#form-error")).contains("调整方案没有改变任何目标");
            browser.type(cell, "5").clickAndWait("#submit-plan");
            assertThat(browser.text(".field.invalid .field-error")).contains("调整目标任务须写明理由");
            assertThat(browser.find(cell).getAttribute("value")).isEqualTo("5");
            browser.type("#f-reason", "该镇新引进重大项目，年中上调目标。").clickAndWait("#submit-plan");
            assertThat(browser.text("#notice")).contains("年度中调整", "1 项目标");
            assertThat(browser.text("#items")).contains(unitName, "5 个").doesNotContain("40 个");
            browser.assertNoConsoleErrors();
            browser.screenshotAt(390, 844, "plan-phone");
        }
    }

    @Test
    void anAdministratorSwitchesAMetricOff_andTheCenterSetsAnOfficesPosting() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
        String metric = "PAGE_" + suffix;
        assertThat(post("/api/targets/metrics", "admin", Map.of("code", metric, "name", "页面测试指标" + suffix, "kind",
                "COUNT_STARTED")).status()).isEqualTo(201);
        String office = "office-page-" + suffix.toLowerCase(java.util.Locale.ROOT);
        assertThat(put("/api/units/" + office, "admin", Map.of("name", "驻深圳招商分局" + suffix, "kind",
                "OUTSIDE_OFFICE")).status()).isEqualTo(200);

        try (Browser browser = Browser.open("http://localhost:" + port, "metrics")) {
            login(browser, "admin");
            browser.go("/admin/metrics");
            assertThat(browser.text("#toggle-" + metric)).isEqualTo("停用");
            browser.clickAndWait("#toggle-" + metric);
            assertThat(browser.text("#notice")).contains("已停用考核指标「页面测试指标" + suffix + "」");
            assertThat(metricRow(browser, metric)).contains("停用");
            assertThat(get("/api/targets/metrics", "center").json().findValues("code").stream()
                    .filter(c -> c.asText().equals(metric)).count()).isEqualTo(1);
            assertThat(active(metric)).isFalse();
            browser.screenshot("metrics-switched");
        }
        try (Browser browser = Browser.open("http://localhost:" + port, "posting")) {
            login(browser, "center");
            browser.go("/assessment/plans/new?year=" + unusedYear());
            assertThat(browser.has("input[name='t::" + metric + "']")).as("a metric switched off takes no new targets")
                    .isFalse();
            browser.go("/assessment/offices");
            browser.assertEveryFieldLabelled();
            browser.choose("#p-office", "驻深圳招商分局" + suffix).type("#p-region", "深圳市及粤港澳大湾区")
                    .type("#p-from", "2025-03-01").type("#p-until", "2024-12-31").clickAndWait("#h-posting ~ form button");
            assertThat(browser.text("#h-posting ~ form .field.invalid")).contains("撤点日期不能早于驻点开始日期");
            assertThat(browser.find("#p-region").getAttribute("value")).isEqualTo("深圳市及粤港澳大湾区");
            browser.type("#p-until", "").clickAndWait("#h-posting ~ form button");
            assertThat(browser.text(".alert.success")).contains("已设置驻深圳招商分局" + suffix + "驻点：深圳市及粤港澳大湾区，"
                    + "2025-03-01 起");
            String row = browser.driver().findElement(By.xpath("//table[@id='offices']//tr[th[text()='驻深圳招商分局"
                    + suffix + "']]")).getText();
            assertThat(row).contains("深圳市及粤港澳大湾区", "2025-03-01 起");
            browser.assertNoConsoleErrors();
        }
        JsonNode posted = get("/api/offices", "center").json();
        assertThat(posted.findValues("unitCode").stream().anyMatch(c -> c.asText().equals(office))).isTrue();
        assertThat(put("/api/offices/" + office + "/posting", "reporter", Map.of("region", "x", "postedFrom",
                "2025-01-01")).status()).isEqualTo(403);
    }

    private static void login(Browser browser, String user) {
        browser.go("/login");
        browser.type("#username", user).type("#password", "demo").clickAndWait("form.stacked button");
    }

    private static String cellError(Browser browser, String unit) {
        return browser.driver().findElement(By.xpath("//tr[th[@id='u-" + unit + "']]/td[contains(@class,'invalid')]"
                + "//p[@class='field-error']")).getText();
    }

    private static String metricRow(Browser browser, String code) {
        return browser.driver().findElement(By.xpath("//table[@id='metrics']//tr[td[text()='" + code + "']]")).getText();
    }

    private boolean active(String metric) {
        for (JsonNode m : get("/api/targets/metrics", "admin").json()) {
            if (m.get("code").asText().equals(metric)) {
                return m.get("active").asBoolean();
            }
        }
        throw new AssertionError("no metric " + metric);
    }

    private int target(int year, String unit) {
        for (JsonNode t : get("/api/targets?year=" + year, "center").json()) {
            if (t.get("unitCode").asText().equals(unit) && t.get("metricCode").asText().equals("SIGNED_PROJECTS")) {
                return t.get("targetValue").asInt();
            }
        }
        throw new AssertionError("no target of " + unit + " in " + year);
    }

    /** A year no plan has been drafted for in this database (tests share it). */
    private int unusedYear() {
        for (int year = 2099; year > 2040; year--) {
            if (get("/api/targets/plans?year=" + year, "center").json().isEmpty()) {
                return year;
            }
        }
        throw new IllegalStateException("every year from 2041 has a plan");
    }
}
