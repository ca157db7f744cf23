package cn.zhaoshang.fulfilment;

import java.time.Instant;

/** A monthly progress update (UPDATE) or a stale flag against the unit (STALE): table {@code progress_update}. */
public record ProgressUpdate(Long id, long projectId, String kind, String unit, String note, String actor,
        Instant occurredAt) {
}
