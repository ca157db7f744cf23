package cn.zhaoshang.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine call with no engine authentication, after the domain code has decided that the caller may do it
 * (e.g. the reporter withdrawing their own lead, which Camunda's resource-level grants cannot express).
 */
public final class WithoutAuthorization {

    private WithoutAuthorization() {
    }

    public static <T> T run(IdentityService identityService, Supplier<T> call) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return call.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
