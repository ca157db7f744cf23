package cn.zhaoshang.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting: the logged-in user when there is one (REST, Tasklist), otherwise the engine itself. */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {
    }

    public static String current(IdentityService identityService, String whenNobody) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return whenNobody != null ? whenNobody : SYSTEM;
    }
}
