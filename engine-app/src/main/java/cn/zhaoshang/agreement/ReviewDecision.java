package cn.zhaoshang.agreement;

/** A legal review's or the leading group's decision on a draft agreement. */
public enum ReviewDecision {
    PASS("通过"),
    REVISE("修改后再审"),
    REJECT("不予通过");

    private final String label;

    ReviewDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
