package cn.zhaoshang.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.zhaoshang.system.ApiError.FieldError;

/**
 * The domain's messages are "中文 / English" for API clients (see {@code ApiError}); a page shows the Chinese part.
 * The two are split at the first "/ " after a space or after full-width punctuation ("（WORKDAY）/ kind …").
 */
final class Chinese {

    private static final Pattern BEFORE_ENGLISH = Pattern.compile("(?:\\s+|(?<=[\\u3000-\\u303F\\uFF00-\\uFFEF]))/\\s+");

    private Chinese() {
    }

    static String of(String message) {
        if (message == null) {
            return null;
        }
        return BEFORE_ENGLISH.split(message, 2)[0].strip();
    }

    /** field → its first error, in Chinese, for showing next to the input. */
    static Map<String, String> byField(List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), of(e.message())));
        return byField;
    }
}
