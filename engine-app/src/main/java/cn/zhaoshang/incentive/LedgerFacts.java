package cn.zhaoshang.incentive;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the ledger records about the project an award is about — the facts the award is computed from, never the
 * claimant's own figures: the foreign capital and source country of its lead's report, the referring enterprise
 * (以商招商企业) named there, the investment (the signed agreement's, else the project's total) and the day its
 * 投产 (PRODUCTION) milestone was reached.
 */
public record LedgerFacts(long projectId, String companyName, String projectName, Long leadId,
        BigDecimal foreignCapitalUsdWan, String sourceCountry, String referrerEnterprise, BigDecimal totalInvestmentWan,
        String agreementStatus, BigDecimal agreedInvestmentWan, LocalDate productionOn) {

    /** chenzhou §11 实际投资规模 as far as the ledger knows it: the agreed investment once signed, else the total. */
    public BigDecimal investmentWan() {
        return agreedInvestmentWan != null ? agreedInvestmentWan : totalInvestmentWan;
    }

    public boolean inProduction() {
        return productionOn != null;
    }

    public boolean signed() {
        return "SIGNED".equals(agreementStatus);
    }
}
