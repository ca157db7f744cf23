package cn.zhaoshang.fulfilment;

import java.time.Instant;
import java.time.LocalDate;

/** One agreed milestone of a signed project and whether it was reached: table {@code milestone}. */
public record Milestone(Long id, long projectId, long agreementId, String milestone, int position, LocalDate dueOn,
        LocalDate reachedOn, String evidence, String recordedBy, Instant recordedAt, Instant escalatedAt) {

    /** Chinese names of the milestones (DESIGN.md step 9). */
    public static String label(String milestone) {
        return switch (milestone) {
            case "REGISTERED" -> "注册";
            case "LAND_SUPPLIED" -> "供地";
            case "CONSTRUCTION_STARTED" -> "开工";
            case "COMPLETED" -> "竣工";
            case "PRODUCTION" -> "投产";
            case "IN_STATISTICS" -> "入库纳统";
            case "ABOVE_SCALE" -> "入规";
            case "FULL_CAPACITY" -> "达产";
            default -> milestone;
        };
    }
}
