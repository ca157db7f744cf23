package cn.zhaoshang.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import cn.zhaoshang.incentive.AwardType;
import cn.zhaoshang.incentive.Claim;
import cn.zhaoshang.incentive.ClaimStatus;
import cn.zhaoshang.incentive.IncentiveClaims;
import cn.zhaoshang.ledger.LedgerEventMapper;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.web.StartForms.Startable;

/**
 * 奖励兑现 in the workbench: the claims the caller may read (the same service and data scope as
 * {@code GET /api/incentive-claims}), filtered by status and award type, and one claim with its amounts, who verified,
 * approved and paid it, and its events in the project's ledger. Registering is the start form at /incentives/new.
 */
@Controller
class IncentivePageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(EngineClock.BEIJING);

    private final IncentiveClaims claims;
    private final LedgerEventMapper events;
    private final StartForms startForms;

    IncentivePageController(IncentiveClaims claims, LedgerEventMapper events, StartForms startForms) {
        this.claims = claims;
        this.events = events;
        this.startForms = startForms;
    }

    record Option(String value, String label) {
    }

    @GetMapping("/incentives")
    ModelAndView list(@RequestParam(required = false) String status, @RequestParam(required = false) String awardType) {
        ClaimStatus s = FormValues.parseEnum(ClaimStatus.class, blankToNull(status));
        AwardType t = FormValues.parseEnum(AwardType.class, blankToNull(awardType));
        ModelAndView page = new ModelAndView("incentives/list");
        page.addObject("claims", claims.list(s, t, null));
        page.addObject("statuses", Arrays.stream(ClaimStatus.values()).map(v -> new Option(v.name(), v.label())).toList());
        page.addObject("types", Arrays.stream(AwardType.values()).map(v -> new Option(v.name(), v.label())).toList());
        page.addObject("status", s == null ? "" : s.name());
        page.addObject("awardType", t == null ? "" : t.name());
        page.addObject("canClaim", startForms.startable(Startable.INCENTIVE).isPresent());
        return page;
    }

    record Fact(String label, String value, String href) {
    }

    @GetMapping("/incentives/{id}")
    ModelAndView claim(@PathVariable long id) {
        Claim claim = claims.get(id);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("奖励类型", claim.awardTypeLabel(), null));
        facts.add(new Fact("状态", claim.statusLabel(), null));
        facts.add(new Fact("受奖单位或个人", claim.claimantName(), null));
        if (claim.projectId() != null) {
            facts.add(new Fact("项目", "#" + claim.projectId() + " " + claim.companyName() + " · " + claim.projectName(),
                    "/projects/" + claim.projectId()));
        }
        if (claim.awardYear() != null) {
            facts.add(new Fact("考核年度", String.valueOf(claim.awardYear()), null));
        }
        if (claim.sourceCountry() != null) {
            facts.add(new Fact("外资来源地（台账）", claim.sourceCountry(), null));
        }
        if (claim.awardType().foreignCapital()) {
            facts.add(new Fact("申报的实际到位外资（万美元）", plain(claim.claimedPaidInUsdWan()), null));
            facts.add(new Fact("核实的实际到位外资（万美元）", plain(claim.verifiedPaidInUsdWan()), null));
            facts.add(new Fact("美元汇率（元/美元，随申报保存）", plain(claim.exchangeRate()), null));
        }
        if (claim.awardType() == AwardType.REFERRAL) {
            facts.add(new Fact("被引荐项目投资（万元，台账）", plain(claim.referredInvestmentWan()), null));
            facts.add(new Fact("被引荐项目已投产（台账）", claim.projectInProduction() == null ? null
                    : claim.projectInProduction() ? "是" : "否", null));
        }
        facts.add(new Fact("奖励比例", plain(claim.rate()), null));
        facts.add(new Fact("定额奖励（元）", money(claim.fixedAmountYuan()), null));
        facts.add(new Fact("奖励金额（元）", money(claim.amountYuan()), null));
        facts.add(new Fact("奖励依据", claim.basisKey(), null));
        facts.add(new Fact("申报说明", claim.claimNote(), null));
        facts.add(new Fact("登记", who(claim.submittedBy(), claim.createdAt()), null));
        facts.add(new Fact("核实", who(claim.verifiedBy(), claim.verifiedAt())
                + (claim.verificationOpinion() == null ? "" : "：" + claim.verificationOpinion()), null));
        facts.add(new Fact("财政审批", who(claim.approvedBy(), claim.approvedAt())
                + (claim.approvalOpinion() == null ? "" : "：" + claim.approvalOpinion()), null));
        if (claim.status() == ClaimStatus.PAID) {
            facts.add(new Fact("兑付", who(claim.paidBy(), claim.paidAt()) + "，兑付日期 " + claim.paidOn()
                    + "，记账凭证号 " + claim.voucherNumber(), null));
        }
        if (claim.status() == ClaimStatus.REJECTED) {
            facts.add(new Fact("驳回", who(claim.rejectedBy(), claim.rejectedAt()) + "（"
                    + ("Task_VerifyClaim".equals(claim.rejectedStep()) ? "核实" : "财政审批") + "）："
                    + claim.rejectionOpinion(), null));
        }
        ModelAndView page = new ModelAndView("incentives/claim");
        page.addObject("claim", claim);
        page.addObject("facts", facts);
        page.addObject("events", claim.projectId() == null ? List.of() : events.findByProjectId(claim.projectId())
                .stream().filter(e -> e.eventType().startsWith("INCENTIVE_"))
                .map(e -> new Fact(TIME.format(e.occurredAt()) + " " + Labels.event(e.eventType()), e.actor() + "："
                        + e.note(), null)).toList());
        return page;
    }

    private static String who(String user, Instant at) {
        return user == null ? "—" : user + "（" + TIME.format(at) + "）";
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal value) {
        return value == null ? null : String.format("%,.2f", value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
