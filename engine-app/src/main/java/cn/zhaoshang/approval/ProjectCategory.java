package cn.zhaoshang.approval;

/** The two land-area scales of panan-2022 §二.5. */
public enum ProjectCategory {
    /** 工业类: T1 up to 30 亩. */
    INDUSTRIAL("工业"),
    /** 文旅、康养（含养老）、服务业、农业、商业: T1 up to 20 亩. */
    SERVICE("文旅、康养、服务业、农业、商业");

    private final String label;

    ProjectCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
