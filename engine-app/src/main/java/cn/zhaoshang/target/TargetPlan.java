package cn.zhaoshang.target;

import java.time.Instant;

/** A decomposition or an adjustment of one year's targets as drafted and decided (table {@code target_plan}). */
public record TargetPlan(long id, int planYear, String kind, String status, String reason, String draftedBy,
        Instant draftedAt, String decidedBy, Instant decidedAt, String opinion, String processInstanceId) {

    public static final String DECOMPOSITION = "DECOMPOSITION";
    public static final String ADJUSTMENT = "ADJUSTMENT";

    public static final String IN_APPROVAL = "IN_APPROVAL";
    public static final String RETURNED = "RETURNED";
    public static final String APPROVED = "APPROVED";
    public static final String WITHDRAWN = "WITHDRAWN";

    public String kindLabel() {
        return DECOMPOSITION.equals(kind) ? "年度目标任务分解" : "年度中调整";
    }

    public String statusLabel() {
        return switch (status) {
            case IN_APPROVAL -> "县长审定中";
            case RETURNED -> "已退回修改";
            case APPROVED -> "已生效";
            case WITHDRAWN -> "已撤回";
            default -> status;
        };
    }
}
