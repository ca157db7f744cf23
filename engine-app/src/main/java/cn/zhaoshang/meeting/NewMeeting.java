package cn.zhaoshang.meeting;

import java.time.Instant;

/** A meeting about to be opened; {@code id} is filled by the insert. */
public class NewMeeting {

    private Long id;
    private String kind;
    private String requestedBy;
    private String requestReason;
    private Long triggerLeadId;
    private String processInstanceId;
    private Instant openedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public void setRequestedBy(String requestedBy) {
        this.requestedBy = requestedBy;
    }

    public String getRequestReason() {
        return requestReason;
    }

    public void setRequestReason(String requestReason) {
        this.requestReason = requestReason;
    }

    public Long getTriggerLeadId() {
        return triggerLeadId;
    }

    public void setTriggerLeadId(Long triggerLeadId) {
        this.triggerLeadId = triggerLeadId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public void setOpenedAt(Instant openedAt) {
        this.openedAt = openedAt;
    }
}
