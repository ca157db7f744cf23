package cn.zhaoshang.appeal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An enterprise's request or complaint: table {@code enterprise_appeal}. {@code answerDueOn}: the answer is due by the end
 * of that day, 7 working days after receipt (chenzhou §15).
 */
public record Appeal(Long id, Long projectId, String companyName, String kind, String subject, String content,
        String status, String assignedGroup, String answer, LocalDate answerDueOn, Instant answeredAt, String submittedBy,
        String processInstanceId, Instant createdAt) {
}
