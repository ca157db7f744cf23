package cn.zhaoshang.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The funnel (漏斗式管理, xuancheng-2019 §二.2; rates of tongcheng §25) of one reporting unit for the leads it reported
 * in a period: how many reached each stage. Merged duplicates count for the earlier lead only; a lead split into
 * several projects counts once per stage, so splitting cannot inflate a unit's figures.
 */
public record FunnelRow(String unit, String unitName, long reported, long screening, long valid, long inNegotiation,
        long inApproval, long approved, long rejectedOrArchived) {

    /** valid ÷ reported (线索转化率), null without leads. */
    @JsonProperty
    public BigDecimal conversionRate() {
        return rate(valid, reported);
    }

    /** approved ÷ valid (落地率), null without valid leads. */
    @JsonProperty
    public BigDecimal landingRate() {
        return rate(approved, valid);
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
