package cn.zhaoshang.ledger;

import java.time.Instant;

/**
 * One append-only entry of the ledger: table {@code ledger_event}. It belongs to a lead, a project or both (the event
 * that turns a lead into a project names both), so a project's history reads back to the lead it came from; or to an
 * enterprise appeal, and then also to the project the appeal is about.
 */
public record LedgerEvent(Long id, Long projectId, Long leadId, Long appealId, String eventType, String fromStatus,
        String toStatus, String actor, String note, Instant occurredAt) {
}
