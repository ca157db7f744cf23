package cn.zhaoshang.ledger;

/** Where a landing application stands. */
public enum ProjectStatus {
    /** a VALID lead transferred to a task force: inspection and negotiation (考察洽谈). */
    NEGOTIATING("考察洽谈中"),
    /** the task force gave up: the project did not land. */
    NOT_LANDED("未落地"),
    SUBMITTED("已提交"),
    IN_APPROVAL("审批中"),
    RETURNED("已退回修改"),
    APPROVED("已批准落地"),
    REJECTED("已驳回"),
    /** the investment agreement is drafted and under legal review (谈判签约、合法性审查). */
    AGREEMENT_REVIEW("协议审查中"),
    /** the agreement is signed; fulfilment is tracked (履约). */
    SIGNED("已签约"),
    /** the agreement was rejected for good or abandoned: the project ends. */
    TERMINATED("已终止"),
    WITHDRAWN("已撤回");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
