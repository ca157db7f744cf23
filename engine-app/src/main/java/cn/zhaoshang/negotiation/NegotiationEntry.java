package cn.zhaoshang.negotiation;

import java.time.Instant;
import java.time.LocalDate;

/** One inspection (考察) or negotiation round (洽谈) the task force recorded: table {@code negotiation_entry}. */
public record NegotiationEntry(Long id, long projectId, String kind, LocalDate heldOn, String place,
        String participants, String summary, String taskId, String recordedBy, Instant recordedAt) {
}
