package cn.zhaoshang.approval;

import java.math.BigDecimal;

/**
 * The landing approval form (《招商引资项目落地审批表》) as submitted through {@code POST /api/landing-applications}
 * or the Tasklist start form. Amounts: 万元; land: 亩.
 */
public record LandingApplication(String companyName, String projectName, String projectCategory,
        BigDecimal totalInvestmentWan, Boolean landRequired, BigDecimal landAreaMu, Boolean caseByCaseSupport,
        Boolean devZone, String carrierUnit) {
}
