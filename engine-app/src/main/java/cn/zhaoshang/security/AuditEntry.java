package cn.zhaoshang.security;

import java.time.Instant;

/** One row of {@code audit_log}. */
public record AuditEntry(Long id, Instant occurredAt, String actor, String action, String outcome, String target,
        String details, String source, String clientIp) {

    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String REFUSED = "REFUSED";
}
