package cn.zhaoshang.incentive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.governance.SetsVariables;
import cn.zhaoshang.lead.DuplicateKeys;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.incentive.IncentiveClaim.Var;

/**
 * On 对照台账核实 ({@code complete}). REJECT needs the reason (the rejection itself is recorded by
 * {@link RejectIncentiveClaimDelegate}). VERIFY reads the ledger again and refuses what it does not support:
 * <ul>
 * <li>FDI: the verified paid-in foreign capital, at most what the ledger records for the project (the lead's foreign
 * capital), and the project signed (chenzhou §6 当年落户);</li>
 * <li>REFERRAL: the claimant is the referring enterprise the ledger names for the referred project (chenzhou §11);</li>
 * <li>NEW_SOURCE_COUNTRY: no earlier project of the ledger came from the same country (chenzhou §6 突破现有国别).</li>
 * </ul>
 * Then the DMN's inputs are set from the ledger — the verified capital, the referred project's investment (the signed
 * agreement's, else the project's total) and whether its 投产 milestone is reached — so Task_EvaluateAward computes
 * the award from the ledger, not from what the claimant wrote. Thresholds stay in the DMN.
 */
@Component(IncentiveClaim.Bean.RECORD_VERIFICATION)
@SetsVariables({IncentiveClaim.Var.PAID_IN_FOREIGN_CAPITAL_USD_WAN, IncentiveClaim.Var.REFERRED_INVESTMENT_WAN,
        IncentiveClaim.Var.PROJECT_IN_PRODUCTION})
class RecordClaimVerificationListener implements TaskListener {

    private final IncentiveClaimMapper claims;
    private final ProjectLedger ledger;
    private final IdentityService identityService;

    RecordClaimVerificationListener(IncentiveClaimMapper claims, ProjectLedger ledger,
            IdentityService identityService) {
        this.claims = claims;
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        long claimId = ((Number) task.getVariable(Var.CLAIM_ID)).longValue();
        Claim claim = claims.findById(claimId).orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        String decision = FormValues.text(task.getVariable(Var.DECISION));
        String opinion = FormValues.text(task.getVariable(Var.OPINION));
        if ("REJECT".equals(decision)) {
            FormValues.requireText(errors, Var.OPINION, opinion, 2000, "驳回理由");
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return;
        }
        if (!"VERIFY".equals(decision)) {
            throw new InvalidInputException(Var.DECISION,
                    "请选择核实通过（VERIFY）或驳回（REJECT）/ decision must be VERIFY or REJECT");
        }
        FormValues.limitText(errors, Var.OPINION, opinion, 2000, "核实意见");
        LedgerFacts facts = claim.projectId() == null ? null : claims.ledgerFacts(claim.projectId()).orElseThrow();
        BigDecimal paidIn = null;
        if (claim.awardType().foreignCapital()) {
            paidIn = FormValues.decimal(Map.of(Var.VERIFIED_PAID_IN_USD_WAN,
                    task.getVariable(Var.VERIFIED_PAID_IN_USD_WAN) == null ? ""
                            : task.getVariable(Var.VERIFIED_PAID_IN_USD_WAN)), Var.VERIFIED_PAID_IN_USD_WAN, errors);
            BigDecimal recorded = facts.foreignCapitalUsdWan();
            if (recorded == null || recorded.signum() <= 0) {
                errors.add(new FieldError(Var.DECISION, "台账中该项目没有外资记录，不能核实为外资奖励，请驳回 / the ledger records "
                        + "no foreign capital for this project"));
            } else if (paidIn == null || paidIn.signum() <= 0) {
                errors.add(new FieldError(Var.VERIFIED_PAID_IN_USD_WAN, "请填写核实的实际到位外资（万美元）/ "
                        + "verifiedPaidInUsdWan is required"));
            } else if (paidIn.compareTo(recorded) > 0) {
                errors.add(new FieldError(Var.VERIFIED_PAID_IN_USD_WAN, "核实的到位外资不能超过台账记录的外资 "
                        + recorded.toPlainString() + " 万美元 / more than the " + recorded.toPlainString()
                        + " 万美元 the ledger records"));
            }
            FormValues.limitScale(errors, Var.VERIFIED_PAID_IN_USD_WAN, paidIn, 2, "核实的实际到位外资");
            if (!facts.signed()) {
                errors.add(new FieldError(Var.DECISION, "台账显示该项目尚未签约落户，请驳回 / the project is not signed"));
            }
        }
        if (claim.awardType() == AwardType.REFERRAL
                && (facts.referrerEnterprise() == null || !DuplicateKeys.company(facts.referrerEnterprise())
                        .equals(DuplicateKeys.company(claim.claimantName())))) {
            errors.add(new FieldError(Var.DECISION, "台账记录的引荐企业为「"
                    + (facts.referrerEnterprise() == null ? "无" : facts.referrerEnterprise())
                    + "」，与申报企业不一致，请驳回 / the ledger names another referring enterprise"));
        }
        if (claim.awardType() == AwardType.NEW_SOURCE_COUNTRY) {
            claims.findEarlierProjectFromCountry(claim.projectId(), claim.sourceCountry()).ifPresent(earlier ->
                    errors.add(new FieldError(Var.DECISION, "台账中项目 #" + earlier + " 已来自" + claim.sourceCountry()
                            + "，不属新来源地，请驳回 / an earlier project came from the same country")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        BigDecimal investment = facts == null ? null : facts.investmentWan();
        Boolean inProduction = facts == null ? null : facts.inProduction();
        DelegateExecution process = task.getExecution();
        process.setVariable(Var.PAID_IN_FOREIGN_CAPITAL_USD_WAN, RegisterIncentiveClaimDelegate.number(paidIn));
        process.setVariable(Var.REFERRED_INVESTMENT_WAN, RegisterIncentiveClaimDelegate.number(investment));
        process.setVariable(Var.PROJECT_IN_PRODUCTION, inProduction);
        if (facts != null) {
            RegisterIncentiveClaimDelegate.setLedgerVariables(process, facts);
        }
        String actor = Actors.current(identityService, task.getAssignee());
        if (claims.verify(claimId, paidIn, investment, inProduction, actor, EngineClock.now(), opinion) != 1) {
            throw new InvalidInputException(Var.DECISION, "该申报已核实 / This claim is already verified");
        }
        if (claim.projectId() != null) {
            ledger.note(claim.projectId(), ClaimEvents.VERIFIED, actor, claim.awardType().label() + "申报 #" + claimId
                    + " 已对照台账核实" + (paidIn == null ? "" : "，到位外资 " + paidIn.toPlainString() + " 万美元")
                    + (opinion == null ? "" : "：" + opinion));
        }
    }
}
