package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.time.Instant;

/** One change of a target in effect (table {@code target_change}, append only): who, when, old → new, why. */
public record TargetChange(long id, int targetYear, String unitCode, String metricCode, BigDecimal oldValue,
        BigDecimal newValue, String reason, long planId, String requestedBy, String approvedBy, Instant changedAt) {
}
