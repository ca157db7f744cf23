package cn.zhaoshang.incentive;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.EngineClock;

import static cn.zhaoshang.incentive.IncentiveClaim.Var;

/**
 * 记录奖励金额: the amount from what DMN IncentiveAward gave ({@code awardRate}, {@code awardFixedAmountYuan}) and the
 * claim's verified paid-in capital and stored exchange rate — {@link AwardAmounts}, HALF_UP to 0.01 元. Stored with
 * the claim; {@code amountYuan} (text, "100000.00") for the forms and {@code awardDue} for the gateway.
 */
@Component(IncentiveClaim.Bean.RECORD_AWARD)
class RecordAwardDelegate implements JavaDelegate {

    private final IncentiveClaimMapper claims;

    RecordAwardDelegate(IncentiveClaimMapper claims) {
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long claimId = ((Number) execution.getVariable(Var.CLAIM_ID)).longValue();
        Claim claim = claims.findById(claimId).orElseThrow();
        BigDecimal rate = AwardAmounts.decimal(execution.getVariable(Var.AWARD_RATE));
        BigDecimal fixed = AwardAmounts.decimal(execution.getVariable(Var.AWARD_FIXED_AMOUNT_YUAN))
                .setScale(AwardAmounts.SCALE, AwardAmounts.ROUNDING);
        BigDecimal amount = AwardAmounts.amountYuan(claim.verifiedPaidInUsdWan(), rate, claim.exchangeRate(), fixed);
        if (claims.recordAward(claimId, rate, fixed, amount, EngineClock.now()) != 1) {
            throw new IllegalStateException("claim " + claimId + " is not verified");
        }
        execution.setVariable(Var.AMOUNT_YUAN, amount.toPlainString());
        execution.setVariable(Var.AWARD_DUE, amount.signum() > 0);
    }
}
