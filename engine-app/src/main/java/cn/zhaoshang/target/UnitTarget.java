package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.time.Instant;

/** A target in effect (table {@code unit_target}); {@code unitCode} "" is the county's own. */
public record UnitTarget(int targetYear, String unitCode, String metricCode, BigDecimal targetValue, long planId,
        Instant updatedAt) {

    public static final String COUNTY = "";
}
