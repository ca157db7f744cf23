package cn.zhaoshang.target;

/**
 * How a target metric is computed from the ledger: a fixed set an administrator chooses from when adding a metric, so a
 * metric is never free SQL (ProgressMapper.xml has one branch per kind).
 */
public enum MetricKind {
    /** projects whose agreement was signed (agreement SIGNED, signed_on in the period). */
    COUNT_SIGNED("签约项目数", "个"),
    /** projects whose construction start milestone (CONSTRUCTION_STARTED) was reached in the period. */
    COUNT_STARTED("开工项目数", "个"),
    /** funds in place recorded by the carrier in the period (funds_in_place, 万元). */
    SUM_FUNDS("实际到位资金", "万元");

    private final String label;
    private final String unitLabel;

    MetricKind(String label, String unitLabel) {
        this.label = label;
        this.unitLabel = unitLabel;
    }

    public String label() {
        return label;
    }

    public String unitLabel() {
        return unitLabel;
    }
}
