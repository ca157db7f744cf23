package cn.zhaoshang.incentive;

/** Where an incentive claim stands (column {@code incentive_claim.status}). */
public enum ClaimStatus {
    SUBMITTED("待核实"),
    VERIFIED("待财政审批"),
    APPROVED("待兑付"),
    PAID("已兑现"),
    REJECTED("已驳回"),
    NOT_ELIGIBLE("不符合奖励条件");

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still holding its basis: open or paid. Rejected and not eligible ones released it. */
    public boolean holdsBasis() {
        return this != REJECTED && this != NOT_ELIGIBLE;
    }
}
