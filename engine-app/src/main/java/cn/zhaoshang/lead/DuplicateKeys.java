package cn.zhaoshang.lead;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalised company and project names, so that "𠮷野家（上海）有限公司" and "𠮷野家 (上海) 有限责任公司" are the same company
 * for the duplicate check (DESIGN.md step 2: detects duplicates, same company + project).
 */
public final class DuplicateKeys {

    /** Longest first: a suffix that ends another one must be stripped before it. */
    private static final List<String> COMPANY_SUFFIXES = List.of("股份有限公司", "有限责任公司", "集团有限公司",
            "有限公司", "集团公司", "公司", "co.,ltd.", "co.,ltd", "co.ltd", "ltd.", "ltd", "inc.", "inc");
    private static final List<String> PROJECT_SUFFIXES = List.of("建设项目", "项目");
    /** how alike two project names must be (Dice coefficient of character bigrams) to count as the same project. */
    static final double SIMILAR_PROJECT = 0.6;

    private DuplicateKeys() {
    }

    public static String company(String name) {
        return stripSuffix(plain(name), COMPANY_SUFFIXES);
    }

    public static String project(String name) {
        return stripSuffix(plain(name), PROJECT_SUFFIXES);
    }

    /** Same project: equal keys, one containing the other, or most character pairs shared. */
    public static boolean similarProjects(String projectKeyA, String projectKeyB) {
        if (projectKeyA.isEmpty() || projectKeyB.isEmpty()) {
            return projectKeyA.equals(projectKeyB);
        }
        if (projectKeyA.contains(projectKeyB) || projectKeyB.contains(projectKeyA)) {
            return true;
        }
        Set<String> a = bigrams(projectKeyA);
        Set<String> b = bigrams(projectKeyB);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return 2.0 * shared.size() / (a.size() + b.size()) >= SIMILAR_PROJECT;
    }

    /** Full-width to half-width (NFKC), lower case, without spaces, brackets and punctuation. */
    private static String plain(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .filter(c -> "()[]{}《》〈〉“”\"'‘’·、,，".indexOf(c) < 0)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String stripSuffix(String key, List<String> suffixes) {
        for (String suffix : suffixes) {
            String plainSuffix = plain(suffix);
            if (key.endsWith(plainSuffix) && key.length() > plainSuffix.length()) {
                return key.substring(0, key.length() - plainSuffix.length());
            }
        }
        return key;
    }

    private static Set<String> bigrams(String key) {
        int[] cps = key.codePoints().toArray();
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }
}
