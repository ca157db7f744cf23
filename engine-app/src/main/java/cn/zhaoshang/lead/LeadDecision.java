package cn.zhaoshang.lead;

/** What the investment center and the reporter decide at the screening's user tasks (the {@code decision} variable). */
public enum LeadDecision {
    /** 完整性审核 */
    COMPLETE, INCOMPLETE,
    /** 查重处理 */
    MERGE, KEEP_SEPARATE,
    /** 补充完善线索 */
    RESUBMIT, WITHDRAW
}
