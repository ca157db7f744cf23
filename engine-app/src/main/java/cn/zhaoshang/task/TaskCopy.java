package cn.zhaoshang.task;

import java.time.Instant;

/** One 抄送: {@code recipient} may read task {@code taskId} (open or completed) and its comments and attachments. */
public record TaskCopy(Long id, String taskId, String processInstanceId, String taskName, String recipient,
        String sentBy, String note, Instant sentAt, Instant readAt) {
}
