package cn.zhaoshang.target;

import java.math.BigDecimal;

/** One figure of a plan: a unit's (or, with {@code unitCode} null, the county's) target on a metric. */
public record PlanItem(String unitCode, String metricCode, BigDecimal targetValue) {
}
