package cn.zhaoshang.lead;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of table {@code lead}: the current version of a reported lead and where it stands. */
public class Lead {

    private Long id;
    private String companyName;
    private String companyKey;
    private String projectName;
    private String projectKey;
    private String industry;
    private String projectCategory;
    private BigDecimal totalInvestmentWan;
    private BigDecimal foreignCapitalUsdWan;
    private String sourceCountry;
    private boolean landRequired;
    private BigDecimal landAreaMu;
    private String reportingUnit;
    private String referrer;
    private String referrerEnterprise;
    private String contactName;
    private String contactPhone;
    private String reporter;
    private LeadStatus status;
    private int version;
    private int consultationRound;
    private boolean majorProject;
    private String majorReason;
    private Long mergedIntoLeadId;
    private Long meetingId;
    private String decisionReason;
    private String responsibleUnit;
    private String taskForceLeader;
    private String processInstanceId;
    private Instant reportedAt;
    private Instant updatedAt;

    /** The report fields of this row, as a record. */
    public LeadReport report() {
        return new LeadReport(companyName, projectName, industry, projectCategory, totalInvestmentWan,
                foreignCapitalUsdWan, sourceCountry, landRequired, landAreaMu, reportingUnit, referrer,
                referrerEnterprise, contactName, contactPhone);
    }

    /** Copies a (validated, normalised) report into this row, with the keys the duplicate check compares. */
    public void apply(LeadReport report) {
        companyName = report.companyName();
        companyKey = DuplicateKeys.company(report.companyName());
        projectName = report.projectName();
        projectKey = DuplicateKeys.project(report.projectName());
        industry = report.industry();
        projectCategory = report.projectCategory();
        totalInvestmentWan = report.totalInvestmentWan();
        foreignCapitalUsdWan = report.foreignCapitalUsdWan();
        sourceCountry = report.sourceCountry();
        landRequired = Boolean.TRUE.equals(report.landRequired());
        landAreaMu = report.landAreaMu();
        reportingUnit = report.reportingUnit();
        referrer = report.referrer();
        referrerEnterprise = report.referrerEnterprise();
        contactName = report.contactName();
        contactPhone = report.contactPhone();
    }

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

    public String getCompanyKey() {
        return companyKey;
    }

    public void setCompanyKey(String companyKey) {
        this.companyKey = companyKey;
    }

    public String getProjectName() {
        return projectName;
    }

    public void setProjectName(String projectName) {
        this.projectName = projectName;
    }

    public String getProjectKey() {
        return projectKey;
    }

    public void setProjectKey(String projectKey) {
        this.projectKey = projectKey;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(String industry) {
        this.industry = industry;
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

    public BigDecimal getForeignCapitalUsdWan() {
        return foreignCapitalUsdWan;
    }

    public void setForeignCapitalUsdWan(BigDecimal foreignCapitalUsdWan) {
        this.foreignCapitalUsdWan = foreignCapitalUsdWan;
    }

    public String getSourceCountry() {
        return sourceCountry;
    }

    public void setSourceCountry(String sourceCountry) {
        this.sourceCountry = sourceCountry;
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

    public String getReportingUnit() {
        return reportingUnit;
    }

    public void setReportingUnit(String reportingUnit) {
        this.reportingUnit = reportingUnit;
    }

    public String getReferrer() {
        return referrer;
    }

    public void setReferrer(String referrer) {
        this.referrer = referrer;
    }

    public String getReferrerEnterprise() {
        return referrerEnterprise;
    }

    public void setReferrerEnterprise(String referrerEnterprise) {
        this.referrerEnterprise = referrerEnterprise;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getReporter() {
        return reporter;
    }

    public void setReporter(String reporter) {
        this.reporter = reporter;
    }

    public LeadStatus getStatus() {
        return status;
    }

    public void setStatus(LeadStatus status) {
        this.status = status;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public int getConsultationRound() {
        return consultationRound;
    }

    public void setConsultationRound(int consultationRound) {
        this.consultationRound = consultationRound;
    }

    public boolean isMajorProject() {
        return majorProject;
    }

    public void setMajorProject(boolean majorProject) {
        this.majorProject = majorProject;
    }

    public String getMajorReason() {
        return majorReason;
    }

    public void setMajorReason(String majorReason) {
        this.majorReason = majorReason;
    }

    public Long getMergedIntoLeadId() {
        return mergedIntoLeadId;
    }

    public void setMergedIntoLeadId(Long mergedIntoLeadId) {
        this.mergedIntoLeadId = mergedIntoLeadId;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public void setMeetingId(Long meetingId) {
        this.meetingId = meetingId;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public void setDecisionReason(String decisionReason) {
        this.decisionReason = decisionReason;
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

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public void setReportedAt(Instant reportedAt) {
        this.reportedAt = reportedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
