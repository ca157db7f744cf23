package cn.zhaoshang.incentive;

import static cn.zhaoshang.support.WorkbenchSession.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.WorkbenchSession;

/**
 * 奖励兑现 in the workbench, over HTTP: the start form (/incentives/new) refuses next to the field and registers; the
 * verification, approval and payout are the task pages with the Camunda Forms of forms/incentive-claim-*.form; the
 * claims list and the claim's page, within the caller's data scope.
 */
class IncentivePagesHttpIT extends AppIT {

    @Autowired
    IncentiveClaimMapper claims;

    @Test
    void chamberAward_registeredVerifiedApprovedPaid_inTheWorkbench() {
        String chamber = "磐安县温州商会" + UUID.randomUUID().toString().substring(0, 6);
        WorkbenchSession center = WorkbenchSession.login(port, "center");
        assertThat(center.get("/").body()).contains("href=\"/incentives/new\"", "href=\"/incentives\"");
        HttpResponse<String> form = center.get("/incentives/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"start-form\"", "name=\"awardType\"", "name=\"claimantName\"",
                "name=\"exchangeRate\"", "提交申报");

        HttpResponse<String> refused = center.post("/incentives/new", Map.of("awardType", "CHAMBER",
                "claimantName", chamber));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"f-awardYear-error\"");
        assertThat(text(refused.body())).contains("考核年度");

        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        HttpResponse<String> registered = center.post("/incentives/new", Map.of("awardType", "CHAMBER",
                "claimantName", chamber, "awardYear", String.valueOf(year), "claimNote", "年度考核优秀商会"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        Claim claim = claims.findHolder(BasisKeys.of(AwardType.CHAMBER, null, null, chamber, year)).orElseThrow();
        assertThat(text(center.follow(registered).body())).contains("已登记奖励申报（编号 " + claim.id() + "）", chamber,
                "待核实");

        String verify = taskService.createTaskQuery().processInstanceId(claim.processInstanceId()).singleResult().getId();
        HttpResponse<String> verifyPage = center.get("/tasks/" + verify);
        assertThat(verifyPage.statusCode()).isEqualTo(200);
        assertThat(text(verifyPage.body())).contains("对照台账核实奖励申报", "核实结论", chamber);
        assertThat(center.post("/tasks/" + verify + "/complete", Map.of("decision", "VERIFY", "opinion", "考核通报属实"))
                .statusCode()).isEqualTo(302);

        WorkbenchSession finance = WorkbenchSession.login(port, "finance");
        String approve = taskService.createTaskQuery().processInstanceId(claim.processInstanceId()).singleResult().getId();
        String approvePage = finance.get("/tasks/" + approve).body();
        assertThat(text(approvePage)).contains("财政审批奖励兑现", "奖励金额（元）");
        assertThat(approvePage).as("the amount, read only").contains("20000.00").contains(chamber);
        assertThat(finance.post("/tasks/" + approve + "/complete", Map.of("decision", "APPROVE")).statusCode())
                .isEqualTo(302);
        String payout = taskService.createTaskQuery().processInstanceId(claim.processInstanceId()).singleResult().getId();
        String voucher = "记-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(finance.post("/tasks/" + payout + "/complete", Map.of("paidOn",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "voucherNumber", voucher)).statusCode())
                .isEqualTo(302);
        assertThat(claims.findById(claim.id()).orElseThrow().status()).isEqualTo(ClaimStatus.PAID);

        String list = text(finance.get("/incentives?status=PAID").body());
        assertThat(list).contains(chamber, "20,000.00", "已兑现");
        String page = text(finance.get("/incentives/" + claim.id()).body());
        assertThat(page).contains("商（协）会奖励", chamber, "20,000.00", voucher, "finance");

        // a reporter reads neither the list entry nor the claim
        WorkbenchSession reporter = WorkbenchSession.login(port, "reporter");
        assertThat(reporter.get("/incentives").body()).doesNotContain(chamber);
        assertThat(reporter.get("/incentives/" + claim.id()).statusCode()).isEqualTo(404);
        assertThat(reporter.get("/incentives/new").statusCode()).isEqualTo(403);
    }
}
