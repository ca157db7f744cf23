package cn.zhaoshang.security;

import java.util.regex.Pattern;

/**
 * The only expressions a stored task filter may hold: who is asking and the time — what Camunda Tasklist's own filter
 * dialog offers and what the app's filters 我的待办 / 待认领 use ({@code system/IdentitySetup}). They call nothing else,
 * whoever saved the filter. Ad-hoc queries (REST {@code /task}, a filter's extending query) may hold none.
 */
public final class StoredQueryExpressions {

    private static final Pattern ALLOWED = Pattern.compile("[$#]\\{\\s*(currentUser|currentUserGroups|now)\\(\\s*\\)\\s*}");

    private StoredQueryExpressions() {
    }

    public static boolean isAllowed(String expression) {
        return expression != null && ALLOWED.matcher(expression.strip()).matches();
    }
}
