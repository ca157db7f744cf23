package cn.zhaoshang.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** A project as it goes through landing approval: one row of table {@code project}. */
public class Project {

    private Long id;
    private String companyName;
    private String projectName;
    private String projectCategory;
    private BigDecimal totalInvestmentWan;
    private boolean landRequired;
    private BigDecimal landAreaMu;
    private boolean caseByCaseSupport;
    private boolean devZone;
    private String carrierUnit;
    private String tier;
    private ProjectStatus status;
    private String applicant;
    private String processInstanceId;
    private Instant createdAt;
    private Instant updatedAt;
    /** the lead it came from and the unit that reported it: the attribution (xuancheng-2019 §三.1). */
    private Long leadId;
    private String reportingUnit;
    /** 转办: the unit responsible since the research meeting, and the task force lead. */
    private String responsibleUnit;
    private String taskForceLeader;
    private Long splitFromProjectId;
    private String jointOpinion;
    private String negotiationProcessInstanceId;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getProjectName() {
        return projectName;
    }

    public void setProjectName(String projectName) {
        this.projectName = projectName;
    }

    public String getProjectCategory() {
        return projectCategory;
    }

    public void setProjectCategory(String projectCategory) {
        this.projectCategory = projectCategory;
    }

    public BigDecimal getTotalInvestmentWan() {
        return totalInvestmentWan;
    }

    public void setTotalInvestmentWan(BigDecimal totalInvestmentWan) {
        this.totalInvestmentWan = totalInvestmentWan;
    }

    public boolean isLandRequired() {
        return landRequired;
    }

    public void setLandRequired(boolean landRequired) {
        this.landRequired = landRequired;
    }

    public BigDecimal getLandAreaMu() {
        return landAreaMu;
    }

    public void setLandAreaMu(BigDecimal landAreaMu) {
        this.landAreaMu = landAreaMu;
    }

    public boolean isCaseByCaseSupport() {
        return caseByCaseSupport;
    }

    public void setCaseByCaseSupport(boolean caseByCaseSupport) {
        this.caseByCaseSupport = caseByCaseSupport;
    }

    public boolean isDevZone() {
        return devZone;
    }

    public void setDevZone(boolean devZone) {
        this.devZone = devZone;
    }

    public String getCarrierUnit() {
        return carrierUnit;
    }

    public void setCarrierUnit(String carrierUnit) {
        this.carrierUnit = carrierUnit;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier;
    }

    public ProjectStatus getStatus() {
        return status;
    }

    public void setStatus(ProjectStatus status) {
        this.status = status;
    }

    public String getApplicant() {
        return applicant;
    }

    public void setApplicant(String applicant) {
        this.applicant = applicant;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Long getLeadId() {
        return leadId;
    }

    public void setLeadId(Long leadId) {
        this.leadId = leadId;
    }

    public String getReportingUnit() {
        return reportingUnit;
    }

    public void setReportingUnit(String reportingUnit) {
        this.reportingUnit = reportingUnit;
    }

    public String getResponsibleUnit() {
        return responsibleUnit;
    }

    public void setResponsibleUnit(String responsibleUnit) {
        this.responsibleUnit = responsibleUnit;
    }

    public String getTaskForceLeader() {
        return taskForceLeader;
    }

    public void setTaskForceLeader(String taskForceLeader) {
        this.taskForceLeader = taskForceLeader;
    }

    public Long getSplitFromProjectId() {
        return splitFromProjectId;
    }

    public void setSplitFromProjectId(Long splitFromProjectId) {
        this.splitFromProjectId = splitFromProjectId;
    }

    public String getJointOpinion() {
        return jointOpinion;
    }

    public void setJointOpinion(String jointOpinion) {
        this.jointOpinion = jointOpinion;
    }

    public String getNegotiationProcessInstanceId() {
        return negotiationProcessInstanceId;
    }

    public void setNegotiationProcessInstanceId(String negotiationProcessInstanceId) {
        this.negotiationProcessInstanceId = negotiationProcessInstanceId;
    }
}
