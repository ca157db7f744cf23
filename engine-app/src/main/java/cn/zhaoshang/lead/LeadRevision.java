package cn.zhaoshang.lead;

import java.time.Instant;

/** One version of a lead's report as it was submitted: table {@code lead_revision}; content is the report as JSON. */
public record LeadRevision(Long id, long leadId, int version, String content, String note, String revisedBy,
        Instant revisedAt) {
}
