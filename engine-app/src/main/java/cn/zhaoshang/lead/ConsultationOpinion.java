package cn.zhaoshang.lead;

import java.time.Instant;

/** One department's written opinion (书面征询意见) in one consultation round: table {@code consultation_opinion}. */
public record ConsultationOpinion(Long id, long leadId, int round, String departmentGroup, String departmentName,
        String taskId, Instant requestedAt, Instant dueAt, Instant remindedAt, String answer, String opinion,
        String answeredBy, Instant answeredAt) {

    /** answered after its due date: accepted, and shown as late. */
    public boolean late() {
        return answeredAt != null && dueAt != null && answeredAt.isAfter(dueAt);
    }
}
