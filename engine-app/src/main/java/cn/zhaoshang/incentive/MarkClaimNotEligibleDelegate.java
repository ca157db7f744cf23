package cn.zhaoshang.incentive;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.EngineClock;

import static cn.zhaoshang.incentive.IncentiveClaim.Var;

/**
 * 不符合奖励条件: the decision gave nothing for the ledger's facts (a referred project not yet in production or under
 * 5000 万元, a capital increase under 500 万美元). The basis is released — once the conditions are met (the project
 * reaches 投产) it can be claimed again. Into the project's ledger.
 */
@Component(IncentiveClaim.Bean.MARK_NOT_ELIGIBLE)
class MarkClaimNotEligibleDelegate implements JavaDelegate {

    private final IncentiveClaimMapper claims;
    private final ProjectLedger ledger;

    MarkClaimNotEligibleDelegate(IncentiveClaimMapper claims, ProjectLedger ledger) {
        this.claims = claims;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long claimId = ((Number) execution.getVariable(Var.CLAIM_ID)).longValue();
        Claim claim = claims.findById(claimId).orElseThrow();
        if (claims.markNotEligible(claimId, EngineClock.now()) != 1) {
            throw new IllegalStateException("claim " + claimId + " is not verified");
        }
        if (claim.projectId() != null) {
            String facts = switch (claim.awardType()) {
                case REFERRAL -> "被引荐项目投资 " + plain(claim.referredInvestmentWan()) + " 万元，"
                        + (Boolean.TRUE.equals(claim.projectInProduction()) ? "已投产" : "尚未投产");
                case FDI_NEW, FDI_INCREASE -> "核实的到位外资 " + plain(claim.verifiedPaidInUsdWan()) + " 万美元";
                default -> "台账事实";
            };
            ledger.note(claim.projectId(), ClaimEvents.NOT_ELIGIBLE, Actors.SYSTEM, claim.awardType().label() + "申报 #"
                    + claimId + " 不符合奖励条件（" + facts + "，按奖励标准无奖励），可在条件满足后重新申报");
        }
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }
}
