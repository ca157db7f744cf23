package cn.zhaoshang.meeting;

import java.time.Instant;
import java.time.LocalDate;

/** A research meeting (线索研判会议): table {@code meeting}. */
public record Meeting(Long id, String kind, String status, String requestedBy, String requestReason,
        Long triggerLeadId, LocalDate heldOn, String attendees, String recordedBy, String minutesNumber,
        String processInstanceId, Instant openedAt, Instant closedAt) {
}
