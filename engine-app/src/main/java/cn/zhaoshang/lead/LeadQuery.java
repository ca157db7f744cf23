package cn.zhaoshang.lead;

import java.time.Instant;

import cn.zhaoshang.security.DataScope;

/** Filters of the lead list; every one optional but {@code scope}, what the caller may read (security/Visibility). */
public record LeadQuery(LeadStatus status, String reportingUnit, String reporter, Instant reportedFrom,
        Instant reportedBefore, int limit, DataScope scope) {
}
