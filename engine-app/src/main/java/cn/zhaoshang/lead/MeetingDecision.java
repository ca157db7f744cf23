package cn.zhaoshang.lead;

/** What a research meeting decides about a lead on its agenda (panan-2022 §二.3, xuancheng-2019 §二.3). */
public enum MeetingDecision {
    VALID("有效线索（转办）", LeadStatus.VALID),
    INVALID("无效线索（归档）", LeadStatus.INVALID),
    MORE_INFO("需补充信息（退回报送单位）", LeadStatus.MORE_INFO);

    private final String label;
    private final LeadStatus leadStatus;

    MeetingDecision(String label, LeadStatus leadStatus) {
        this.label = label;
        this.leadStatus = leadStatus;
    }

    public String label() {
        return label;
    }

    public LeadStatus leadStatus() {
        return leadStatus;
    }
}
