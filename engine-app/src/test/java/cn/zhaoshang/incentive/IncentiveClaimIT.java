package cn.zhaoshang.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhaoshang.agreement.AgreementReview;
import cn.zhaoshang.agreement.AgreementToFulfilmentIT;
import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.fulfilment.Fulfilment;
import cn.zhaoshang.fulfilment.MilestoneMapper;
import cn.zhaoshang.lead.Lead;
import cn.zhaoshang.lead.LeadReport;
import cn.zhaoshang.lead.LeadStatus;
import cn.zhaoshang.security.AuditLog;
import cn.zhaoshang.security.DataScope;
import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.support.Race;

/**
 * Incentive awards with the real beans, through REST: a project taken through the whole lifecycle to 投产 and its
 * referring enterprise paid 100 000 元 (chenzhou §11); an FDI award computed from the verified capital and the
 * exchange rate stored with the claim (chenzhou §6); rejection releasing the basis; and two claims on one basis at the
 * same instant — exactly one registered, the other a 409, nothing of it written.
 */
class IncentiveClaimIT extends LifecycleIT {

    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @Autowired
    IncentiveClaimMapper claims;
    @Autowired
    MilestoneMapper milestones;
    @Autowired
    AuditLog audit;
    @Autowired
    HistoryService history;

    @Test
    void projectInProduction_referringEnterprisePaid() throws Exception {
        // 线索报送 with the referring enterprise (以商招商企业), screened, decided VALID at a research meeting
        Map<String, Object> lead = lead("磐安县精密轴承有限公司", "精密轴承配套生产线");
        lead.put("industry", "MANUFACTURING");
        lead.put("projectCategory", "INDUSTRIAL");
        lead.put("totalInvestmentWan", 12000);
        lead.put("landRequired", false);
        lead.put("landAreaMu", null);
        lead.put("referrerEnterprise", "浙江磐安链主机械股份有限公司");
        long leadId = screened(lead);
        JsonNode meeting = convene();
        record(meeting, Map.of(leadId, valid("town-jianshan", "分管副县长 李明")));
        long projectId = projectOf(leadId);

        // a referral before the project is even signed: verified against the ledger, nothing due → not eligible
        JsonNode early = claim(referral(projectId, "浙江磐安链主机械有限公司"));
        completeOk("center", task(early.get("processInstanceId").asText(), IncentiveClaim.Step.VERIFY),
                Map.of("decision", "VERIFY"));
        assertThat(claim(early).get("status").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(claim(early).get("amountYuan").decimalValue()).isEqualByComparingTo("0");

        // 落地审批 T1 → agreement signed (8000 万元) → milestones up to 投产 recorded by the carrier
        approveAndSign(projectId, "磐安县精密轴承有限公司", "精密轴承配套生产线", 8000);
        String fulfilment = fulfilmentOf(projectId);
        while (milestones.findByProject(projectId).stream()
                .noneMatch(m -> "PRODUCTION".equals(m.milestone()) && m.reachedOn() != null)) {
            Object next = runtimeService.getVariable(fulfilment, Fulfilment.Var.NEXT_MILESTONE);
            completeOk("carrier", task(fulfilment, Fulfilment.Step.RECORD_MILESTONE),
                    Map.of("reachedOn", TODAY, "evidence", next + " 佐证材料"));
        }

        // the referring enterprise's claim, registered by the center: verified, 100 000 元 by the DMN, approved, paid
        JsonNode claim = claim(referral(projectId, "浙江磐安链主机械股份有限公司"));
        long claimId = claim.get("id").asLong();
        String process = claim.get("processInstanceId").asText();
        assertThat(claim.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(claim.get("basisKey").asText()).isEqualTo("REFERRAL|P" + projectId);
        assertThat(post("/api/incentive-claims", "center", referral(projectId, "另一家企业")).status())
                .as("the basis is held while the claim is open").isEqualTo(409);

        Task verify = task(process, IncentiveClaim.Step.VERIFY);
        assertThat(complete("finance", verify, Map.of("decision", "VERIFY")).status()).as("the center's step")
                .isIn(403, 404);
        assertThat(complete("center", verify, Map.of("decision", "REJECT")).status()).as("a reason").isEqualTo(400);
        completeOk("center", verify, Map.of("decision", "VERIFY", "opinion", "引荐企业与台账一致，项目已投产"));
        JsonNode verified = claim(claim);
        assertThat(verified.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(verified.get("referredInvestmentWan").decimalValue()).as("the signed agreement's investment")
                .isEqualByComparingTo("8000");
        assertThat(verified.get("projectInProduction").asBoolean()).isTrue();
        assertThat(verified.get("amountYuan").decimalValue()).isEqualByComparingTo("100000.00");

        Task approve = task(process, IncentiveClaim.Step.APPROVE_BY_FINANCE);
        assertThat(complete("center", approve, Map.of("decision", "APPROVE")).status()).isIn(403, 404);
        completeOk("finance", approve, Map.of("decision", "APPROVE", "opinion", "同意兑现"));
        Task payout = task(process, IncentiveClaim.Step.RECORD_PAYOUT);
        assertThat(complete("finance", payout, Map.of("paidOn", "2999-01-01", "voucherNumber", "x")).status())
                .as("not in the future").isEqualTo(400);
        String voucher = "记-" + claimId + "-" + UUID.randomUUID().toString().substring(0, 8);
        completeOk("finance", payout, Map.of("paidOn", TODAY, "voucherNumber", voucher));

        Response paidResponse = get("/api/incentive-claims/" + claimId, "finance");
        assertThat(paidResponse.body()).as("money goes out as 元 with two decimals").contains("\"amountYuan\":100000.00");
        JsonNode paid = paidResponse.json();
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("amountYuan").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(paid.get("paidBy").asText()).isEqualTo("finance");
        assertThat(paid.get("voucherNumber").asText()).isEqualTo(voucher);
        assertThat(paid.get("paidOn").asText()).isEqualTo(TODAY);
        assertThat(paid.get("ledger").findValuesAsText("eventType")).containsSubsequence("INCENTIVE_CLAIMED",
                "INCENTIVE_VERIFIED", "INCENTIVE_APPROVED", "INCENTIVE_PAID");
        assertThat(get("/api/projects/" + projectId, "center").json().get("ledger").findValuesAsText("eventType"))
                .containsSubsequence("INCENTIVE_NOT_ELIGIBLE", "MILESTONE_REACHED", "INCENTIVE_CLAIMED",
                        "INCENTIVE_PAID");
        assertThat(audit.search(null, null, "finance", "INCENTIVE_PAID", 0, 100))
                .anySatisfy(entry -> assertThat(entry.target()).isEqualTo("incentive-claim " + claimId));

        // paid once: the same basis is refused for good, in Chinese and English
        Response again = post("/api/incentive-claims", "center", referral(projectId, "浙江磐安链主机械股份有限公司"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("INCENTIVE_ALREADY_CLAIMED");
        assertThat(again.json().get("message").asText()).contains("已有申报").contains("already been claimed")
                .contains(String.valueOf(claimId));

        // data scope: finance and the center read it, a reporter of another unit does not
        assertThat(get("/api/incentive-claims?status=PAID", "finance").json().findValuesAsText("id"))
                .contains(String.valueOf(claimId));
        assertThat(get("/api/incentive-claims/" + claimId, "devzonelegal").status()).isEqualTo(404);
        assertThat(post("/api/incentive-claims", "finance", referral(projectId, "x")).status()).as("finance never claims")
                .isEqualTo(403);
    }

    @Test
    void fdiAward_fromTheVerifiedCapitalAndTheStoredRate_rejectionReleasesTheBasis() {
        String company = "磐安中新合资电子有限公司" + UUID.randomUUID().toString().substring(0, 6);
        long projectId = foreignProject(company, new BigDecimal("800"), "新加坡");
        approveAndSign(projectId, company, "电子元件生产线", 9000);

        // bad input: the exchange rate is checked, nothing is registered
        Map<String, Object> bad = fdi(projectId, company, "600", "71.234");
        Response refused = post("/api/incentive-claims", "center", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field")).contains("exchangeRate");
        assertThat(claims.findHolder("FDI|P" + projectId)).isEmpty();
        Map<String, Object> advisorWithCapital = fdi(projectId, "招商顾问 李某", "600", "7.1");
        advisorWithCapital.put("awardType", "ADVISOR");
        Response notApplicable = post("/api/incentive-claims", "center", advisorWithCapital);
        assertThat(notApplicable.status()).as("figures that do not apply are refused, not ignored").isEqualTo(400);
        assertThat(notApplicable.json().get("errors").findValuesAsText("field"))
                .contains("claimedPaidInUsdWan", "exchangeRate");

        // claimed, verified with more than the ledger records: refused; then rejected with a reason
        JsonNode first = claim(fdi(projectId, company, "600", "7.1234"));
        Task verify = task(first.get("processInstanceId").asText(), IncentiveClaim.Step.VERIFY);
        Response tooMuch = complete("center", verify, Map.of("decision", "VERIFY", "verifiedPaidInUsdWan", 900));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("800");
        completeOk("center", verify, Map.of("decision", "REJECT", "opinion", "缺少验资报告"));
        JsonNode rejected = claim(first);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectedStep").asText()).isEqualTo(IncentiveClaim.Step.VERIFY);
        assertThat(rejected.get("rejectedBy").asText()).isEqualTo("center");
        assertThat(rejected.has("activeBasisKey")).isFalse();

        // claimed again (FDI_NEW): 600 万美元 × 10000 × 0.001 × 7.1234 = 42 740.40 元; finance rejects
        JsonNode second = claim(fdi(projectId, company, "650", "7.1234"));
        assertThat(second.get("exchangeRate").decimalValue()).isEqualByComparingTo("7.1234");
        completeOk("center", task(second.get("processInstanceId").asText(), IncentiveClaim.Step.VERIFY),
                Map.of("decision", "VERIFY", "verifiedPaidInUsdWan", 600));
        assertThat(get("/api/incentive-claims/" + second.get("id").asLong(), "center").body())
                .contains("\"amountYuan\":42740.40");
        assertThat(claim(second).get("rate").decimalValue()).isEqualByComparingTo("0.001");
        Task approve = task(second.get("processInstanceId").asText(), IncentiveClaim.Step.APPROVE_BY_FINANCE);
        assertThat(complete("finance", approve, Map.of("decision", "REJECT")).status()).isEqualTo(400);
        completeOk("finance", approve, Map.of("decision", "REJECT", "opinion", "本年度预算已用完，下年度重新申报"));
        assertThat(claim(second).get("rejectedStep").asText()).isEqualTo(IncentiveClaim.Step.APPROVE_BY_FINANCE);

        // and once more, now as a capital increase under 500 万美元: nothing due by the table
        Map<String, Object> increase = fdi(projectId, company, "450", "7.1");
        increase.put("awardType", "FDI_INCREASE");
        JsonNode third = claim(increase);
        completeOk("center", task(third.get("processInstanceId").asText(), IncentiveClaim.Step.VERIFY),
                Map.of("decision", "VERIFY", "verifiedPaidInUsdWan", 450));
        assertThat(claim(third).get("status").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(get("/api/projects/" + projectId, "center").json().get("ledger").findValuesAsText("eventType"))
                .containsSubsequence("INCENTIVE_CLAIMED", "INCENTIVE_REJECTED", "INCENTIVE_CLAIMED",
                        "INCENTIVE_VERIFIED", "INCENTIVE_REJECTED", "INCENTIVE_CLAIMED", "INCENTIVE_NOT_ELIGIBLE");
    }

    @Test
    void twoClaimsOnOneBasisAtOnce_exactlyOneIsRegistered() throws Exception {
        long projectId = negotiatingProject("磐安并发申报有限公司", "并发申报项目");
        Map<String, Object> advisor = new LinkedHashMap<>();
        advisor.put("awardType", "ADVISOR");
        advisor.put("projectId", projectId);
        advisor.put("claimantName", "招商顾问 王海");
        ensureUser("center2", "投资促进中心（二）", "investment-center");
        long claimsBefore = claims.list(DataScope.countyWide("test"), true, null, null, projectId,
                100).size();
        long instancesBefore = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(IncentiveClaim.PROCESS_KEY).count();

        List<Response> results = Race.run(() -> post("/api/incentive-claims", "center", advisor),
                () -> post("/api/incentive-claims", "center2", advisor));

        assertThat(results).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
        Response loser = results.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(loser.json().get("status").asInt()).isEqualTo(409);
        assertThat(loser.json().get("message").asText()).contains("同一依据只能兑现一次").contains("same basis is paid once");
        assertThat(claims.list(DataScope.countyWide("test"), true, null, null, projectId, 100))
                .as("one claim row").hasSize((int) claimsBefore + 1);
        assertThat(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(IncentiveClaim.PROCESS_KEY).count()).as("one process instance, none half-started")
                .isEqualTo(instancesBefore + 1);
        assertThat(get("/api/projects/" + projectId, "center").json().get("ledger").findValuesAsText("eventType")
                .stream().filter("INCENTIVE_CLAIMED"::equals).count()).as("one ledger event").isEqualTo(1);
    }

    // ------------------------------------------------------------------ fixtures

    static Map<String, Object> referral(long projectId, String enterprise) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("awardType", "REFERRAL");
        body.put("projectId", projectId);
        body.put("claimantName", enterprise);
        body.put("claimNote", "以商招商：引进产业配套项目");
        return body;
    }

    static Map<String, Object> fdi(long projectId, String company, String paidIn, String rate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("awardType", "FDI_NEW");
        body.put("projectId", projectId);
        body.put("claimantName", company);
        body.put("claimedPaidInUsdWan", new BigDecimal(paidIn));
        body.put("exchangeRate", new BigDecimal(rate));
        return body;
    }

    JsonNode claim(Map<String, Object> body) {
        Response response = post("/api/incentive-claims", "center", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    JsonNode claim(JsonNode claim) {
        Response response = get("/api/incentive-claims/" + claim.get("id").asLong(), "center");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** A lead with foreign capital from a source country, decided VALID, its project in negotiation. */
    long foreignProject(String company, BigDecimal foreignCapitalUsdWan, String country) {
        return transactions.execute(status -> {
            Lead lead = leadLedger.report(new LeadReport(company, "电子元件生产线", "MANUFACTURING", "INDUSTRIAL",
                    new BigDecimal("12000"), foreignCapitalUsdWan, country, false, null, "group-chengdong", null, null,
                    "陈经理", "13857900001"), "reporter", null);
            leadLedger.changeStatus(lead.getId(), LeadStatus.VALID, "center", "测试：研判为有效线索");
            return negotiations.open(lead, "park-chengdong", "分管副县长 李明", "center").getId();
        });
    }

    /** T1 landing approval (no land), the agreement reviewed and signed with the agreed investment. */
    void approveAndSign(long projectId, String company, String projectName, int agreedInvestmentWan) {
        Map<String, Object> application = new LinkedHashMap<>(application("INDUSTRIAL", null));
        application.put("companyName", company);
        application.put("projectName", projectName);
        application.put("projectId", projectId);
        application.put("jointOpinion", "建议同意落地");
        Response submitted = post("/api/landing-applications", "deputy", application);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String approval = submitted.json().get("processInstanceId").asText();
        completeOk("countyhead", task(approval, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD), Map.of("decision", "APPROVE"));
        completeOk("deputy", task(approval, LandingApproval.Step.APPROVE_BY_DEPUTY_HEAD), Map.of("decision", "APPROVE"));
        String agreement = get("/api/projects/" + projectId + "/agreement", "deputy").json().get("processInstanceId")
                .asText();
        assertThat(postFile("/api/projects/" + projectId + "/agreement/drafts", "deputy",
                Map.of("signingParty", "GOVERNMENT"), "file", "协议.pdf", AgreementToFulfilmentIT.pdf()).status())
                .isEqualTo(201);
        completeOk("justice", task(agreement, AgreementReview.Step.REVIEW_BY_JUSTICE), Map.of("decision", "PASS"));
        completeOk("deputy", task(agreement, AgreementReview.Step.SIGN_AGREEMENT), Map.of("contractNumber",
                "奖励测试协〔" + projectId + "〕号", "signedOn", TODAY, "agreedInvestmentWan", agreedInvestmentWan));
    }

    String fulfilmentOf(long projectId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(Fulfilment.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(projectId)).singleResult().getId();
    }
}
