package cn.zhaoshang.appeal;

import java.time.Instant;

/** An enterprise's request or complaint: table {@code enterprise_appeal}. */
public record Appeal(Long id, Long projectId, String companyName, String kind, String subject, String content,
        String status, String assignedGroup, String answer, Instant dueAt, Instant answeredAt, String submittedBy,
        String processInstanceId, Instant createdAt) {
}
