package cn.zhaoshang.system;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.Authentication;

/** Which roles the caller of the domain API has (their Camunda groups, as Spring Security authorities). */
public final class Callers {

    private Callers() {
    }

    public static boolean inAnyGroup(Authentication caller, String... groupIds) {
        return caller != null && caller.getAuthorities().stream().anyMatch(authority -> Arrays.stream(groupIds)
                .anyMatch(group -> authority.getAuthority().equals(IdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + group)));
    }

    /** The caller's Camunda groups (none without a caller). */
    public static List<String> groups(Authentication caller) {
        if (caller == null) {
            return List.of();
        }
        String prefix = IdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX;
        return caller.getAuthorities().stream().map(authority -> authority.getAuthority())
                .filter(authority -> authority.startsWith(prefix)).map(authority -> authority.substring(prefix.length()))
                .toList();
    }

    public static void requireAnyGroup(Authentication caller, String message, String... groupIds) {
        if (!inAnyGroup(caller, groupIds)) {
            throw ApiException.forbidden(message);
        }
    }
}
