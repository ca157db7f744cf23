package cn.zhaoshang.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a refused form keeps for the page it redirects back to (a flash attribute, so stored in the session): each
 * value as typed, but cut to {@link #KEEP} characters. The session lives in SPRING_SESSION_ATTRIBUTES, a BLOB of 64 KiB
 * on MySQL/MariaDB: a megabyte pasted into a field must be refused, not fail the session write with a 500 (BadInputIT).
 * No field of the workbench takes more than 4 000 characters, so nothing a person typed in good faith is cut.
 */
final class FlashValues {

    static final int KEEP = 4000;

    private FlashValues() {
    }

    /** {@code name, value, name, value, …}; a missing value is kept as "". */
    static Map<String, String> of(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1];
            values.put(namesAndValues[i], value.length() > KEEP ? value.substring(0, KEEP) : value);
        }
        return values;
    }
}
