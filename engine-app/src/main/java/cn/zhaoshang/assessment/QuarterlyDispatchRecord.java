package cn.zhaoshang.assessment;

import java.time.Instant;

/** One quarterly dispatch (table {@code quarterly_dispatch}). */
public record QuarterlyDispatchRecord(long id, int dispatchYear, int quarter, String summary, String instructions,
        String dispatchedBy, Instant dispatchedAt, String processInstanceId, Instant createdAt) {
}
