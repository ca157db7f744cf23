package cn.zhaoshang.approval;

/** What an official decides at an approval step (panan-2022 §二.5: 同意 / 审核 / 审议 / 审批). */
public enum ApprovalDecision {
    /** 同意 / 通过 */
    APPROVE("同意"),
    /** 驳回: ends the application as rejected; needs an opinion. */
    REJECT("驳回"),
    /** 退回修改: back to the applicant; needs an opinion. */
    RETURN("退回修改");

    private final String label;

    ApprovalDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean requiresOpinion() {
        return this != APPROVE;
    }
}
