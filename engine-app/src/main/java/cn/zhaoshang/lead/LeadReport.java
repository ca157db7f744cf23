package cn.zhaoshang.lead;

import java.math.BigDecimal;

/**
 * A lead as a reporting unit reports it (线索报送, tongcheng §19; DESIGN.md lifecycle step 1). The same record comes
 * from {@code POST /api/leads}, from the Camunda start form and from the supplement form.
 */
public record LeadReport(
        String companyName,
        String projectName,
        String industry,
        String projectCategory,
        BigDecimal totalInvestmentWan,
        BigDecimal foreignCapitalUsdWan,
        String sourceCountry,
        Boolean landRequired,
        BigDecimal landAreaMu,
        String reportingUnit,
        String referrer,
        String referrerEnterprise,
        String contactName,
        String contactPhone) {
}
