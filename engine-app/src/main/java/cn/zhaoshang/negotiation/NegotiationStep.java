package cn.zhaoshang.negotiation;

/** What the task force records at 考察洽谈 (the {@code entry} variable). */
public enum NegotiationStep {
    INSPECTION("考察"),
    NEGOTIATION("洽谈"),
    JOINT_OPINION("签署考察联审意见"),
    NOT_LANDED("项目未落地");

    private final String label;

    NegotiationStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
