package cn.zhaoshang.ledger;

/** Where a landing application stands. */
public enum ProjectStatus {
    SUBMITTED("已提交"),
    IN_APPROVAL("审批中"),
    RETURNED("已退回修改"),
    APPROVED("已批准落地"),
    REJECTED("已驳回"),
    WITHDRAWN("已撤回");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
