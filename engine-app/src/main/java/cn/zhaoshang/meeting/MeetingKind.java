package cn.zhaoshang.meeting;

/** Monthly, or at once for a major project or when the center asks (panan-2022 §二.3). */
public enum MeetingKind {
    MONTHLY("月度研判会议"),
    AD_HOC("临时研判会议");

    private final String label;

    MeetingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
