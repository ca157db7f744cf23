package cn.zhaoshang.approval;

import java.math.BigDecimal;

/**
 * {@code POST /api/landing-applications}: the task force signs the joint review opinion (考察联审意见) for a project in
 * negotiation and submits the landing approval form (《招商引资项目落地审批表》, panan-2022 §二.4).
 */
public record LandingApplicationSubmission(
        Long projectId,
        String jointOpinion,
        String companyName,
        String projectName,
        String projectCategory,
        BigDecimal totalInvestmentWan,
        Boolean landRequired,
        BigDecimal landAreaMu,
        Boolean caseByCaseSupport,
        Boolean devZone,
        String carrierUnit) {

    public LandingApplication application() {
        return new LandingApplication(companyName, projectName, projectCategory, totalInvestmentWan, landRequired,
                landAreaMu, caseByCaseSupport, devZone, carrierUnit);
    }
}
