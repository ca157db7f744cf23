package cn.zhaoshang.incentive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One incentive claim as stored (table {@code incentive_claim}), with the company and project name of the project it
 * is about (none for a chamber of commerce's award). Money in 元, BigDecimal, two decimals.
 */
public record Claim(Long id, AwardType awardType, Long projectId, String claimantName, Integer awardYear,
        String sourceCountry, BigDecimal claimedPaidInUsdWan, BigDecimal exchangeRate, String claimNote,
        String basisKey, String activeBasisKey, ClaimStatus status, BigDecimal verifiedPaidInUsdWan,
        BigDecimal referredInvestmentWan, Boolean projectInProduction, BigDecimal rate, BigDecimal fixedAmountYuan,
        BigDecimal amountYuan, String verifiedBy, Instant verifiedAt, String verificationOpinion, String approvedBy,
        Instant approvedAt, String approvalOpinion, String rejectedStep, String rejectedBy, Instant rejectedAt,
        String rejectionOpinion, String paidBy, Instant paidAt, LocalDate paidOn, String voucherNumber,
        String submittedBy, String processInstanceId, Instant createdAt, Instant updatedAt, String companyName,
        String projectName) {

    public String awardTypeLabel() {
        return awardType == null ? null : awardType.label();
    }

    public String statusLabel() {
        return status == null ? null : status.label();
    }
}
