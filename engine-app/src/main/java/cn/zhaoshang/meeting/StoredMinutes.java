package cn.zhaoshang.meeting;

import java.time.Instant;

/** The minutes document as issued: table {@code meeting_minutes}. */
public record StoredMinutes(long meetingId, String minutesNumber, String fileName, byte[] content, Instant generatedAt) {
}
