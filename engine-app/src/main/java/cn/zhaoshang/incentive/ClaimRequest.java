package cn.zhaoshang.incentive;

import java.math.BigDecimal;

/**
 * A claim as {@code POST /api/incentive-claims} and the workbench's start form take it: the award type, the project
 * it is about (not for CHAMBER), who is paid, the assessment year (CHAMBER), and for FDI awards the paid-in foreign
 * capital claimed (万美元) and the exchange rate (元 per US$) to be stored with the claim.
 */
public record ClaimRequest(String awardType, Long projectId, String claimantName, Integer awardYear,
        BigDecimal claimedPaidInUsdWan, BigDecimal exchangeRate, String claimNote) {
}
