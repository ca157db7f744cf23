package cn.zhaoshang.agreement;

import java.time.Instant;

/** A draft's metadata (the file itself is fetched on its own): table {@code agreement_draft}. */
public record AgreementDraft(Long id, long agreementId, int version, String fileName, String contentType,
        long sizeBytes, String sha256, String note, String uploadedBy, Instant uploadedAt) {
}
