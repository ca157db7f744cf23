package cn.zhaoshang.lead;

import java.util.Set;

/** Where a lead stands in the funnel (漏斗式管理, xuancheng-2019 §二.2). */
public enum LeadStatus {
    REPORTED("已报送，待审核"),
    RETURNED("资料不全，退回补充"),
    IN_CONSULTATION("书面征询中"),
    AWAITING_MEETING("待研判"),
    ON_AGENDA("已列入研判会议"),
    MORE_INFO("需补充信息"),
    VALID("有效线索，已转办"),
    INVALID("无效线索，已归档"),
    MERGED("重复线索，已合并"),
    WITHDRAWN("已撤回");

    /** statuses after which nothing more happens to the lead itself. */
    public static final Set<LeadStatus> FINAL = Set.of(VALID, INVALID, MERGED, WITHDRAWN);

    private final String label;

    LeadStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
