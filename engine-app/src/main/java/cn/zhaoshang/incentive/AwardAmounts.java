package cn.zhaoshang.incentive;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The award in 元 from what DMN IncentiveAward gave and the claim's verified facts:
 * <pre>amountYuan = paidInForeignCapitalUsdWan × 10000 × rate × exchangeRate + fixedAmountYuan</pre>
 * computed exactly in BigDecimal and rounded once, at the end, <b>HALF_UP to 0.01 元</b> (四舍五入到分), the unit the
 * treasury pays in. The rate and the fixed amount come from the decision as numbers and are taken by their decimal
 * text ({@code 0.0008}, not the binary double nearest to it). The exchange rate (元 per US$) is the one entered with
 * the claim and stored with it. A share of the paid-in foreign capital needs both the capital and the rate; a fixed
 * amount needs neither.
 */
public final class AwardAmounts {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    private AwardAmounts() {
    }

    public static BigDecimal amountYuan(BigDecimal paidInUsdWan, BigDecimal rate, BigDecimal exchangeRate,
            BigDecimal fixedAmountYuan) {
        BigDecimal total = fixedAmountYuan == null ? BigDecimal.ZERO : fixedAmountYuan;
        if (rate != null && rate.signum() != 0) {
            if (paidInUsdWan == null || exchangeRate == null) {
                throw new IllegalStateException("a share of the paid-in foreign capital needs the capital and the rate");
            }
            total = total.add(paidInUsdWan.multiply(WAN).multiply(rate).multiply(exchangeRate));
        }
        return total.setScale(SCALE, ROUNDING);
    }

    /** A number the decision returned, by its decimal text. */
    public static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return new BigDecimal(value.toString());
    }
}
