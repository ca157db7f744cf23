package cn.zhaoshang.agreement;

import java.time.Instant;

/** One legal review or deliberation of a draft: table {@code agreement_review}. */
public record AgreementReviewRecord(Long id, long agreementId, int draftVersion, String taskId, String step,
        String stepName, String decision, String opinion, String userId, Instant decidedAt) {
}
