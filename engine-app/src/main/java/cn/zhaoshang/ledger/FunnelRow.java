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
        long inApproval, long approved, long rejectedOrArchived, long signed, long started, long inProduction,
        long inStatistics, long aboveScale, long fullCapacity) {

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

    // The lifecycle rates of tongcheng §25 over the leads whose project was signed (签约项目开工率, 投产率 …), null before
    // anything is signed: the share of signed projects that reached each milestone.

    /** 开工率: construction started ÷ signed. */
    @JsonProperty
    public BigDecimal startRate() {
        return rate(started, signed);
    }

    /** 投产率 */
    @JsonProperty
    public BigDecimal productionRate() {
        return rate(inProduction, signed);
    }

    /** 入统率 (入库纳统) */
    @JsonProperty
    public BigDecimal statisticsRate() {
        return rate(inStatistics, signed);
    }

    /** 入规率 (规模以上) */
    @JsonProperty
    public BigDecimal aboveScaleRate() {
        return rate(aboveScale, signed);
    }

    /** 达产率 */
    @JsonProperty
    public BigDecimal fullCapacityRate() {
        return rate(fullCapacity, signed);
    }

    /** The sum of several units' rows, as one row named {@code name}. */
    public static FunnelRow total(String name, java.util.List<FunnelRow> rows) {
        long[] sums = new long[13];
        for (FunnelRow r : rows) {
            long[] values = {r.reported, r.screening, r.valid, r.inNegotiation, r.inApproval, r.approved,
                    r.rejectedOrArchived, r.signed, r.started, r.inProduction, r.inStatistics, r.aboveScale, r.fullCapacity};
            for (int i = 0; i < sums.length; i++) {
                sums[i] += values[i];
            }
        }
        return new FunnelRow(null, name, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], sums[8],
                sums[9], sums[10], sums[11], sums[12]);
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
