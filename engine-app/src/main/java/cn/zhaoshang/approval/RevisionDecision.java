package cn.zhaoshang.approval;

/** What the applicant does with a returned application. */
public enum RevisionDecision {
    /** 重新提交: the tier is decided again from the revised data. */
    RESUBMIT("重新提交"),
    /** 撤回申请: the application ends as withdrawn. */
    WITHDRAW("撤回申请");

    private final String label;

    RevisionDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
