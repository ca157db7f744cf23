package cn.zhaoshang.incentive;

/** The ledger events of an incentive claim, in the ledger of the project it is about. */
public final class ClaimEvents {

    private ClaimEvents() {
    }

    public static final String CLAIMED = "INCENTIVE_CLAIMED";
    public static final String VERIFIED = "INCENTIVE_VERIFIED";
    public static final String NOT_ELIGIBLE = "INCENTIVE_NOT_ELIGIBLE";
    public static final String APPROVED = "INCENTIVE_APPROVED";
    public static final String PAID = "INCENTIVE_PAID";
    public static final String REJECTED = "INCENTIVE_REJECTED";
}
