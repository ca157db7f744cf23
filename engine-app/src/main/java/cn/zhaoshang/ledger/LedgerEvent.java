package cn.zhaoshang.ledger;

import java.time.Instant;

/** One append-only entry of the project ledger: table {@code ledger_event}. */
public record LedgerEvent(Long id, Long projectId, String eventType, String fromStatus, String toStatus,
        String actor, String note, Instant occurredAt) {
}
