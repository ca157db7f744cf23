package cn.zhaoshang.lead;

/** A department's written answer (qiaocheng §四 书面征询). */
public enum ConsultationAnswer {
    AGREE("同意"),
    AGREE_WITH_CONDITIONS("有条件同意"),
    DISAGREE("不同意");

    private final String label;

    ConsultationAnswer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
