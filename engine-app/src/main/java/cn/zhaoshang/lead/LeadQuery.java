package cn.zhaoshang.lead;

import java.time.Instant;

/** Filters of the lead list; every one optional. */
public record LeadQuery(LeadStatus status, String reportingUnit, String reporter, Instant reportedFrom,
        Instant reportedBefore, int limit) {
}
