package cn.zhaoshang.incentive;

/**
 * The basis of a claim is held by another claim that is open or paid (found before the insert, or by the unique key
 * of {@code incentive_claim.active_basis_key} when two claims arrive at once). The whole registration rolls back.
 */
public class BasisAlreadyClaimedException extends RuntimeException {

    private final String basisKey;

    public BasisAlreadyClaimedException(String basisKey, Throwable cause) {
        super("basis " + basisKey + " is already claimed", cause);
        this.basisKey = basisKey;
    }

    public String basisKey() {
        return basisKey;
    }

    /** The exception if one is in the chain (the engine may wrap what a delegate threw). */
    public static java.util.Optional<BasisAlreadyClaimedException> findIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BasisAlreadyClaimedException taken) {
                return java.util.Optional.of(taken);
            }
        }
        return java.util.Optional.empty();
    }
}
