package cn.zhaoshang.appeal;

import java.time.Instant;
import java.time.LocalDate;

/** An appeal about to be stored; {@code id} is filled by the insert. */
public class NewAppeal {

    private Long id;
    private Long projectId;
    private String companyName;
    private String kind;
    private String subject;
    private String content;
    private String submittedBy;
    private String processInstanceId;
    private Instant createdAt;
    private LocalDate answerDueOn;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getProjectId() {
        return projectId;
    }

    public void setProjectId(Long projectId) {
        this.projectId = projectId;
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
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

    public LocalDate getAnswerDueOn() {
        return answerDueOn;
    }

    public void setAnswerDueOn(LocalDate answerDueOn) {
        this.answerDueOn = answerDueOn;
    }
}
