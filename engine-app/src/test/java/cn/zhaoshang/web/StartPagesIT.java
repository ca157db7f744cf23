package cn.zhaoshang.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.Browser;
import cn.zhaoshang.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 报送线索 in a real headless Chromium: a reporter finds the link in the header, the land field appears only when land
 * is needed, a missing phone number is refused next to the field, and the reported lead's page opens with its ledger.
 * Screenshots in engine-app/target/screenshots/.
 */
@BrowserTest
class StartPagesIT extends AppIT {

    @Autowired
    JdbcTemplate jdbc;

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @Test
    void aReporterReportsALeadInTheBrowser() {
        String company = "浏览器报送企业" + RUN;
        try (Browser browser = Browser.open("http://localhost:" + port, "start-lead")) {
            browser.go("/");
            browser.type("#username", "reporter").type("#password", "demo").clickAndWait("form.stacked button");
            browser.clickAndWait("a[href='/leads/new']");
            assertThat(browser.text("h1")).isEqualTo("报送线索");
            browser.assertEveryFieldLabelled();
            assertThat(browser.find("#f-reportingUnit").getAttribute("value")).isEqualTo("group-chengdong");
            assertThat(browser.find("[data-key='landAreaMu']").isDisplayed()).as("no land asked for yet").isFalse();

            browser.type("#f-companyName", company).type("#f-projectName", "生物医药中试基地")
                    .choose("#f-industry", "生物医药").choose("#f-projectCategory", "工业")
                    .type("#f-totalInvestmentWan", "8000").type("#f-contactName", "李女士");
            browser.find("#f-landRequired").click();
            assertThat(browser.find("[data-key='landAreaMu']").isDisplayed()).isTrue();
            browser.type("#f-landAreaMu", "20");
            browser.clickAndWait("#submit-start");
            assertThat(browser.text("#problem")).contains("未提交");
            assertThat(browser.text("#f-contactPhone-error")).isNotBlank();
            assertThat(browser.find("#f-companyName").getAttribute("value")).isEqualTo(company);
            browser.screenshot("lead-report-refused");

            browser.type("#f-contactPhone", "0579-84000000").clickAndWait("#submit-start");
            long leadId = jdbc.queryForObject("SELECT id FROM lead WHERE company_name = ?", Long.class, company);
            assertThat(browser.path()).isEqualTo("/ledger/leads/" + leadId);
            assertThat(browser.text("#notice")).contains("已报送线索（编号 " + leadId + "）");
            assertThat(jdbc.queryForObject("SELECT land_area_mu FROM lead WHERE id = ?", java.math.BigDecimal.class,
                    leadId)).isEqualByComparingTo("20");
            browser.screenshot("lead-reported");
            browser.assertNoConsoleErrors();
        }
    }
}
