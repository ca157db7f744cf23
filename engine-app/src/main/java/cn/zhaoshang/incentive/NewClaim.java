package cn.zhaoshang.incentive;

import java.math.BigDecimal;
import java.time.Instant;

/** A claim about to be registered; {@code id} is filled by the insert. */
public class NewClaim {

    private Long id;
    private AwardType awardType;
    private Long projectId;
    private String claimantName;
    private Integer awardYear;
    private String sourceCountry;
    private BigDecimal claimedPaidInUsdWan;
    private BigDecimal exchangeRate;
    private String claimNote;
    private String basisKey;
    private String submittedBy;
    private String processInstanceId;
    private Instant createdAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public AwardType getAwardType() {
        return awardType;
    }

    public void setAwardType(AwardType awardType) {
        this.awardType = awardType;
    }

    public Long getProjectId() {
        return projectId;
    }

    public void setProjectId(Long projectId) {
        this.projectId = projectId;
    }

    public String getClaimantName() {
        return claimantName;
    }

    public void setClaimantName(String claimantName) {
        this.claimantName = claimantName;
    }

    public Integer getAwardYear() {
        return awardYear;
    }

    public void setAwardYear(Integer awardYear) {
        this.awardYear = awardYear;
    }

    public String getSourceCountry() {
        return sourceCountry;
    }

    public void setSourceCountry(String sourceCountry) {
        this.sourceCountry = sourceCountry;
    }

    public BigDecimal getClaimedPaidInUsdWan() {
        return claimedPaidInUsdWan;
    }

    public void setClaimedPaidInUsdWan(BigDecimal claimedPaidInUsdWan) {
        this.claimedPaidInUsdWan = claimedPaidInUsdWan;
    }

    public BigDecimal getExchangeRate() {
        return exchangeRate;
    }

    public void setExchangeRate(BigDecimal exchangeRate) {
        this.exchangeRate = exchangeRate;
    }

    public String getClaimNote() {
        return claimNote;
    }

    public void setClaimNote(String claimNote) {
        this.claimNote = claimNote;
    }

    public String getBasisKey() {
        return basisKey;
    }

    public void setBasisKey(String basisKey) {
        this.basisKey = basisKey;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public void setSubmittedBy(String submittedBy) {
        this.submittedBy = submittedBy;
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
}
