package cn.zhaoshang.meeting;

/** The secretary's record of one agenda item: decision VALID | INVALID | MORE_INFO and what goes with it. */
public record ItemDecision(Long leadId, String decision, String reason, String responsibleUnit, String taskForceLeader) {
}
