package cn.zhaoshang.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.zhaoshang.agreement.AgreementReview;
import cn.zhaoshang.agreement.AgreementToFulfilmentIT;
import cn.zhaoshang.fulfilment.Fulfilment;
import cn.zhaoshang.lead.LeadReport;
import cn.zhaoshang.support.Browser;
import cn.zhaoshang.support.BrowserTest;
import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.system.EngineClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 驾驶舱 in a real headless Chromium, for a reporting unit of its own: one lead still in screening, one project signed
 * today whose construction has started, one signed two months ago that has not even registered (its first milestone
 * overdue). The charts render (ECharts instances with their series, no console error), the figures behind them are
 * in the tables (开工率 50%), the overdue milestone is listed, bad filters are refused in Chinese, and the page fits a
 * phone. Screenshots in engine-app/target/screenshots/.
 */
@BrowserTest
class DashboardPageIT extends LifecycleIT {

    @Test
    void leadersSeeTheFunnelRatesAndWarnings() {
        String unit = "dash-" + Long.toString(System.nanoTime(), 36);
        assertThat(put("/api/units/" + unit, "admin", Map.of("name", "驾驶舱测试组" + unit.substring(5), "kind",
                "INVESTMENT_GROUP")).status()).isEqualTo(200);
        String company = "驾驶舱" + unit.substring(5);
        transactions.executeWithoutResult(status -> leadLedger.report(new LeadReport(company + "甄别有限公司", "甄别中项目",
                "MANUFACTURING", "INDUSTRIAL", new java.math.BigDecimal("5000"), null, null, false, null, unit, null, null,
                "陈经理", "13857900001"), "reporter", null));
        LocalDate today = EngineClock.today();
        long started = signed(unit, company + "开工有限公司", today);
        recordMilestone(started, today, "营业执照");
        recordMilestone(started, today, "施工许可证及开工照片");
        long late = signed(unit, company + "未注册有限公司", today.minusMonths(2));

        try (Browser browser = Browser.open("http://localhost:" + port, "dashboard")) {
            browser.go("/login");
            browser.type("#username", "center").type("#password", "demo").clickAndWait("form.stacked button");
            browser.go("/dashboard?unit=" + unit + "&from=" + today.withDayOfYear(1) + "&to=" + today);
            assertThat(browser.text("h1")).isEqualTo("驾驶舱");
            assertThat(browser.text("#kpi-reported")).isEqualTo("3");
            assertThat(browser.text("#kpi-signed")).isEqualTo("2");
            assertThat(browser.text("#kpi-started")).isEqualTo("1");
            for (String chart : List.of("chart-funnel", "chart-rates", "chart-warnings")) {
                Object series = browser.driver().executeScript("var c = echarts.getInstanceByDom(document.getElementById("
                        + "arguments[0])); return c ? c.getOption().series.length : -1;", chart);
                assertThat(((Number) series).intValue()).as("%s is drawn", chart).isPositive();
                assertThat(browser.has("#" + chart + " canvas")).as("%s has a canvas", chart).isTrue();
            }
            Object funnelValues = browser.driver().executeScript("return echarts.getInstanceByDom(document.getElementById("
                    + "'chart-funnel')).getOption().series[0].data.map(function (d) { return d.value; }).join(',');");
            assertThat(funnelValues).isEqualTo("3,2,2,2,1,0,0,0,0");
            browser.assertEveryFieldLabelled();
            browser.assertNoConsoleErrors();
            browser.screenshot("dashboard");

            // the numbers behind the rates chart, one click away
            browser.find("#rates-title").findElement(By.xpath("following-sibling::details/summary")).click();
            WebElement row = browser.find("#rates-table tr[data-unit='" + unit + "']");
            List<String> cells = row.findElements(By.cssSelector("td")).stream().map(WebElement::getText).toList();
            assertThat(cells.subList(0, 6)).containsExactly("3", "2", "2", "2", "1", "0");
            assertThat(cells.get(8)).as("开工率").isEqualTo("50.0%");
            assertThat(row.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("/ledger?unit=" + unit);
            browser.screenshot("dashboard-data", "#rates-table");

            assertThat(browser.text("#overdue-milestones")).contains(company + "未注册有限公司", "注册");
            assertThat(browser.text("#overdue-milestones")).doesNotContain(company + "开工有限公司");
            browser.screenshotAt(390, 844, "dashboard-phone");

            browser.go("/dashboard?from=2026-13-01&to=2026-01-01&unit=nowhere");
            assertThat(browser.text("#from-error")).isEqualTo("日期格式应为 年-月-日，例如 2026-01-01");
            assertThat(browser.text("#problem")).contains("筛选条件有误");
            assertThat(browser.has("#chart-funnel")).isFalse();
            browser.screenshot("dashboard-bad-filter");
        }
        assertThat(late).isPositive();
    }

    /** A project of {@code unit} approved, reviewed and signed on {@code signedOn}; fulfilment starts. */
    private long signed(String unit, String company, LocalDate signedOn) {
        long projectId = approvedProject(unit, company, "驾驶舱测试项目");
        String agreement = get("/api/projects/" + projectId + "/agreement", "deputy").json().get("processInstanceId").asText();
        assertThat(postFile("/api/projects/" + projectId + "/agreement/drafts", "deputy", Map.of("signingParty", "GOVERNMENT"),
                "file", "协议.pdf", AgreementToFulfilmentIT.pdf()).status()).isEqualTo(201);
        completeOk("justice", task(agreement, AgreementReview.Step.REVIEW_BY_JUSTICE), Map.of("decision", "PASS"));
        completeOk("deputy", task(agreement, AgreementReview.Step.SIGN_AGREEMENT), Map.of("contractNumber",
                "驾驶舱协〔" + projectId + "〕号", "signedOn", signedOn.toString(), "agreedInvestmentWan", 12000));
        return projectId;
    }

    private void recordMilestone(long projectId, LocalDate reachedOn, String evidence) {
        String fulfilment = runtimeService.createProcessInstanceQuery().processDefinitionKey(Fulfilment.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(projectId)).singleResult().getId();
        Task milestone = task(fulfilment, Fulfilment.Step.RECORD_MILESTONE);
        completeOk("carrier", milestone, Map.of("reachedOn", reachedOn.toString(), "evidence", evidence));
    }
}
