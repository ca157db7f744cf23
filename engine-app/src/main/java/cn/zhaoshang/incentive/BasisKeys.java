package cn.zhaoshang.incentive;

import java.text.Normalizer;
import java.util.Locale;

import cn.zhaoshang.lead.DuplicateKeys;

/**
 * The normalised basis of an award — what may be paid once (docs/incentives.md), the unique
 * {@code incentive_claim.active_basis_key}:
 * <ul>
 * <li>{@code FDI|P<project>} for FDI_NEW and FDI_INCREASE alike: a project's paid-in foreign capital is rewarded once,
 * as a new investment or as a capital increase, not both (chenzhou §6);</li>
 * <li>{@code COUNTRY|<country>}: 新来源国别或地区 is rewarded once per country — only the first enterprise breaks through
 * (chenzhou §6 一次性); the country is folded (NFKC, lower case, without spaces);</li>
 * <li>{@code REFERRAL|P<referred project>} (chenzhou §11 每引进一个项目 一次性);</li>
 * <li>{@code CHAMBER|<chamber>|<year>}: once per chamber and assessment year (chenzhou §5 每年考核后), the name folded
 * as company names are for the duplicate check;</li>
 * <li>{@code ADVISOR|P<project>}: once per project brought in (qiaocheng §八 一次性).</li>
 * </ul>
 */
public final class BasisKeys {

    private BasisKeys() {
    }

    public static String of(AwardType type, Long projectId, String sourceCountry, String claimantName, Integer year) {
        return switch (type) {
            case FDI_NEW, FDI_INCREASE -> "FDI|P" + require(projectId);
            case NEW_SOURCE_COUNTRY -> "COUNTRY|" + country(sourceCountry);
            case REFERRAL -> "REFERRAL|P" + require(projectId);
            case CHAMBER -> "CHAMBER|" + DuplicateKeys.company(claimantName) + "|" + require(year);
            case ADVISOR -> "ADVISOR|P" + require(projectId);
        };
    }

    static String country(String country) {
        if (country == null || country.isBlank()) {
            throw new IllegalArgumentException("no country");
        }
        return Normalizer.normalize(country, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static <T> T require(T value) {
        if (value == null) {
            throw new IllegalArgumentException("basis incomplete");
        }
        return value;
    }
}
