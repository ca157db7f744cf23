package cn.zhaoshang.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The inputs a careless client, a broken form or an attacker sends, as generators. Two kinds: values that are
 * <em>wrong</em> for a field (a refused request must follow, nothing stored) and texts that are <em>odd but valid</em>
 * (4-byte CJK, SQL and expression metacharacters: stored and read back exactly, never interpreted).
 * JSON values are raw tokens, so that numbers Jackson itself would never write ({@code 1e308}, {@code -0},
 * {@code 2^63}) reach the server as typed.
 */
public final class BadValues {

    private BadValues() {
    }

    /** What a field holds, so that a wrong value for it can be chosen. */
    public enum Kind {
        /** free text with a length limit */
        TEXT,
        /** text that must be one of a set (an enum, a unit code, a user id) */
        CODE,
        /** an amount (BigDecimal) */
        NUMBER,
        /** a whole number naming something (Long id) */
        ID,
        BOOLEAN,
        /** ISO date */
        DATE,
        /** list of texts */
        LIST
    }

    // ---- texts that are valid input ----

    /** 4-byte (supplementary plane) CJK and emoji: what utf8 (3-byte) columns lose or refuse. */
    public static final List<String> FOUR_BYTE = List.of("𠀀", "𪚥", "𠮷", "𡃁", "𤭢", "😀", "🏭", "👨‍👩‍👧", "🇨🇳");
    public static final List<String> SQL_META = List.of("'", "''", "\"", ";", "--", "/*", "*/", "%", "_", "\\",
            "' OR '1'='1", "'; DROP TABLE lead; --", "1; DELETE FROM project", "%' AND 1=1 --", "\\'", "`");
    public static final List<String> EXPRESSION_META = List.of("${7*7}", "#{7*7}", "${execution.setVariable('x',1)}",
            "#{T(java.lang.Runtime).getRuntime().exec('id')}", "T(java.lang.Runtime)", "*{7*7}", "[[${7*7}]]",
            "__${7*7}__::x", "{{7*7}}", "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "&lt;b&gt;");
    public static final List<String> PATH_TRAVERSAL = List.of("../../../../etc/passwd", "..\\..\\windows\\win.ini",
            "/etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "....//....//etc/passwd", "C:\\boot.ini", "file:///etc/passwd");

    /**
     * A text of at most 60 code points (within every text field's limit) mixing plain Chinese with the odd characters
     * above; it starts and ends with a Chinese character, so stripping it changes nothing.
     */
    public static Gen<String> oddText() {
        Gen<String> piece = Gen.oneOf(Gen.of(FOUR_BYTE), Gen.of(SQL_META), Gen.of(EXPRESSION_META),
                Gen.of(PATH_TRAVERSAL), Gen.of("磐安", "招商", "引资", "项目", "有限公司", "abc", "123", " ", "\t"));
        return random -> {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(6);
            for (int i = 0; i < pieces; i++) {
                text.append(piece.next(random));
            }
            String middle = text.codePoints().limit(58)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return "测" + middle + "试";
        };
    }

    // ---- values that are wrong for a field (raw JSON tokens) ----

    /** Numbers no amount can be: too large, negative, zero written oddly, beyond long, below any precision. */
    public static final List<String> ABSURD_NUMBERS = List.of("1e308", "-1e308", "1.7976931348623157E309", "-1",
            "-0.01", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890.123",
            "1e-400", "0.000000000001", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e308\"");

    public static final List<String> ABSURD_IDS = List.of("9223372036854775808", "-9223372036854775809", "1.5", "1e308",
            "\"NaN\"", "-0.5", "\"1 OR 1=1\"");

    /** Dates a calendar has no room for, or that do not exist. */
    public static final List<String> BAD_DATES = List.of("2026-02-30", "2026-13-01", "2026-00-10", "0000-00-00",
            "2026/10/01", "20261001", "tomorrow", "明天", "2026-10-01T25:00", "+999999999-12-31", "-999999999-01-01",
            "99999-01-01", "2026-1-1", "' OR 1=1 --", "${7*7}");

    /** A JSON value of the wrong type for a field of this kind: certain to be refused by Jackson or the validator. */
    public static Gen<String> wrongType(Kind kind) {
        return switch (kind) {
            case TEXT, CODE -> Gen.of("[1,2]", "{\"x\":1}", "[\"a\",\"b\"]", "{}", "[]", "[[[]]]");
            case NUMBER -> Gen.of("\"abc\"", "\"一亿\"", "\"12,000\"", "[1]", "{\"v\":1}", "\"1e3e3\"", "\"0x10\"", "[]");
            case ID -> Gen.of("\"abc\"", "[1]", "{\"id\":1}", "1.5", "\"1;DROP TABLE project\"", "[]");
            case BOOLEAN -> Gen.of("\"maybe\"", "\"是\"", "[true]", "{\"b\":true}", "\"yes please\"");
            case DATE -> Gen.of("\"tomorrow\"", "\"2026-02-30\"", "[2026,1,1]", "{\"y\":2026}", "\"2026/01/01\"");
            case LIST -> Gen.of("{\"a\":1}", "[[1]]", "[{\"x\":1}]");
        };
    }

    /** A wrong value for a field of this kind that is still well typed JSON: absurd numbers, codes that name nothing. */
    public static Gen<String> wrongValue(Kind kind) {
        return switch (kind) {
            case TEXT -> hugeText(1_000_001).map(BadValues::quote);
            case CODE -> Gen.oneOf(Gen.of(SQL_META), Gen.of(EXPRESSION_META), Gen.of(PATH_TRAVERSAL), Gen.of(FOUR_BYTE))
                    .map(code -> quote("X" + code));
            case NUMBER -> Gen.of(ABSURD_NUMBERS);
            case ID -> Gen.of(ABSURD_IDS);
            case BOOLEAN -> Gen.of("\"maybe\"", "\"\uD83D\uDE00\"");
            case DATE -> Gen.of(BAD_DATES).map(BadValues::quote);
            case LIST -> Gen.of("[\"" + "x".repeat(10_000) + "\"]", "[\"nobody-'--\"]", "[\"../../etc\"]");
        };
    }

    /** An array nested deeper than any parser should follow (Jackson stops at 1000 levels). */
    public static String deeplyNested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** A text of this many code points, mixing 4-byte CJK so that byte and char counts differ. */
    public static Gen<String> hugeText(int codePoints) {
        return random -> "招商𠀀a".repeat(codePoints / 4) + "x".repeat(codePoints % 4);
    }

    /** Bodies that are not JSON at all, or broken JSON close to the valid one. */
    public static Gen<String> malformedJson(String valid) {
        List<String> fixed = List.of("", " ", "null", "true", "1", "\"text\"", "[]", "[{}]", "{", "}", "{\"a\":}",
                "{\"a\":1,}", "{'a':1}", "{a:1}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":01}",
                "{\"a\":1}{\"b\":2}", "{\"a\":\"\\u00\"}", "{\"a\":\"\u0000\"", "\uFEFF{}", "<xml/>", "a=1&b=2",
                "{\"a\":[1,2}", "{\"a\":1 /* comment */}", "{\"a\":\"x\"\"y\"}", "{\"__proto__\":{\"admin\":true}}",
                deeplyNested(100_000), "{\"a\":" + deeplyNested(5_000) + "}");
        // any proper prefix of an object is incomplete
        Gen<String> truncated = random -> valid.substring(0, random.nextInt(Math.max(1, valid.length() - 1)));
        // structural damage only: a changed character inside a string would still be valid JSON
        Gen<String> broken = Gen.of(valid.replaceFirst(":", "::"), valid.replaceFirst(",", ",,"), valid + "}",
                "{" + valid, valid.substring(0, valid.length() - 1), valid.replaceFirst("\"", ""),
                valid.replaceFirst(":", ":,"), valid.replace("}", "]"), valid.replaceFirst(",", " "));
        Gen<String> changed = random -> {
            String damaged = broken.next(random);
            return damaged.equals(valid) ? valid + "," : damaged;
        };
        return Gen.oneOf(Gen.of(fixed), truncated, changed);
    }

    // ---- building bodies ----

    public static String quote(String text) {
        return AppClient.write(text);
    }

    /** The body as JSON with one field's value replaced by a raw token (null token = the field left out). */
    public static String withField(Map<String, ?> body, String field, String rawToken) {
        Map<String, String> raw = new LinkedHashMap<>();
        body.forEach((name, value) -> raw.put(name, AppClient.write(value)));
        if (rawToken == null) {
            raw.remove(field);
        } else {
            raw.put(field, rawToken);
        }
        List<String> members = new ArrayList<>();
        raw.forEach((name, value) -> members.add(quote(name) + ":" + value));
        return "{" + String.join(",", members) + "}";
    }

    public static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
