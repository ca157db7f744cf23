package cn.zhaoshang.assessment;

import java.time.Instant;

/** A generated notice or annual report (table {@code assessment_document}); {@code unitCode} "" = for every unit. */
public record AssessmentDocument(long id, String kind, String period, String unitCode, String title, String fileName,
        String verdict, Instant generatedAt) {
}
