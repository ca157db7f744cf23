package cn.zhaoshang.incentive;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.Browser;
import cn.zhaoshang.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 奖励兑现 in a real headless Chromium, as the people do it: the center registers a chamber award from the header's
 * link (a missing year refused next to its field), verifies it on the task page; finance sees the amount computed by
 * the DMN (20 000.00 元), approves and records the payout; the claim's page and the list show it paid. The HTTP-level
 * checks (data scope, 403 for a reporter) are in IncentivePagesHttpIT. Screenshots in engine-app/target/screenshots/.
 */
@BrowserTest
class IncentivePagesIT extends AppIT {

    @Autowired
    IncentiveClaimMapper claims;

    @Test
    void aChamberAwardIsRegisteredVerifiedApprovedAndPaid_inTheBrowser() {
        String chamber = "磐安县台州商会" + UUID.randomUUID().toString().substring(0, 6);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        long claimId;
        try (Browser center = Browser.open("http://localhost:" + port, "incentive-center")) {
            login(center, "center");
            center.clickAndWait("header a[href='/incentives/new']");
            assertThat(center.text("h1")).contains("奖励");
            center.assertEveryFieldLabelled();
            center.choose("#f-awardType", "商（协）会奖励").type("#f-claimantName", chamber)
                    .type("#f-claimNote", "年度考核优秀商会，引进项目 3 个。").clickAndWait("#submit-start");
            assertThat(center.text("#f-awardYear-error")).contains("考核年度");
            assertThat(center.find("#f-claimantName").getAttribute("value")).isEqualTo(chamber);
            center.screenshot("claim-refused");
            center.type("#f-awardYear", String.valueOf(year)).clickAndWait("#submit-start");
            assertThat(center.text("#notice")).contains("已登记奖励申报", chamber);
            claimId = Long.parseLong(center.path().substring(center.path().lastIndexOf('/') + 1));
            assertThat(center.text("main")).contains("商（协）会奖励", "待核实");

            center.go("/tasks/" + openTask(claimId));
            assertThat(center.text("main")).contains("对照台账核实奖励申报", chamber);
            center.find("#task-form [data-key='decision'] input[value='VERIFY']").click();
            center.type("#f-opinion", "商会年度考核通报属实。").clickAndWait("#submit-task");
            center.assertNoConsoleErrors();
        }
        try (Browser finance = Browser.open("http://localhost:" + port, "incentive-finance")) {
            login(finance, "finance");
            finance.go("/tasks/" + openTask(claimId));
            assertThat(finance.text("main")).contains("财政审批奖励兑现", chamber);
            assertThat(finance.find("#f-amountYuan").getAttribute("value")).isEqualTo("20000.00");
            finance.find("#task-form [data-key='decision'] input[value='APPROVE']").click();
            finance.clickAndWait("#submit-task");

            finance.go("/tasks/" + openTask(claimId));
            String voucher = "记-" + UUID.randomUUID().toString().substring(0, 8);
            finance.driver().executeScript("arguments[0].value = arguments[1];", finance.find("#f-paidOn"),
                    LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
            finance.type("#f-voucherNumber", voucher).clickAndWait("#submit-task");
            assertThat(claims.findById(claimId).orElseThrow().status()).isEqualTo(ClaimStatus.PAID);

            finance.go("/incentives?status=PAID");
            assertThat(finance.text("#claims")).contains(chamber, "20,000.00", "已兑现");
            finance.clickAndWait(finance.driver().findElement(org.openqa.selenium.By.xpath(
                    "//table[@id='claims']//tr[td[text()='" + chamber + "']]//a")));
            assertThat(finance.text("main")).contains("商（协）会奖励", chamber, "20,000.00", voucher);
            finance.assertEveryFieldLabelled();
            finance.assertNoConsoleErrors();
            finance.screenshotAt(390, 844, "claim-paid-phone");
        }
    }

    private String openTask(long claimId) {
        Claim claim = claims.findById(claimId).orElseThrow();
        return taskService.createTaskQuery().processInstanceId(claim.processInstanceId()).singleResult().getId();
    }

    private static void login(Browser browser, String user) {
        browser.go("/login");
        browser.type("#username", user).type("#password", "demo").clickAndWait("form.stacked button");
    }
}
