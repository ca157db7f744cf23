package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A metric units get targets on (table {@code target_metric}): a {@link MetricKind}, optionally narrowed to projects of
 * at least {@code minInvestmentWan} (the agreed investment, else the project's total, 万元), of one project category
 * (INDUSTRIAL | SERVICE) and of one industry of the lead (MANUFACTURING …).
 */
public record TargetMetric(String code, String name, String unitLabel, String kind, BigDecimal minInvestmentWan,
        String projectCategory, String industry, int sortOrder, boolean active, boolean builtin, String createdBy,
        Instant createdAt) {

    public MetricKind metricKind() {
        return MetricKind.valueOf(kind);
    }

    /** 签约项目数；≥ 70000 万元；工业；先进制造业 — how the figure is computed, in words. */
    public String rule() {
        StringBuilder rule = new StringBuilder(metricKind().label());
        if (minInvestmentWan != null) {
            rule.append("；投资额 ≥ ").append(minInvestmentWan.stripTrailingZeros().toPlainString()).append(" 万元");
        }
        if (projectCategory != null) {
            rule.append("；").append("INDUSTRIAL".equals(projectCategory) ? "工业项目" : "文旅、康养、服务业、农业、商业项目");
        }
        if (industry != null) {
            rule.append("；产业 ").append(industry);
        }
        return rule.toString();
    }
}
