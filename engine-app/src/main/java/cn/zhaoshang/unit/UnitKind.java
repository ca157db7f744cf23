package cn.zhaoshang.unit;

/** Kinds of units (DESIGN.md: 乡镇/街道、园区、开发区、驻外分局、部门). */
public enum UnitKind {
    TOWN("乡镇/街道"),
    PARK("园区"),
    DEV_ZONE("开发区"),
    OUTSIDE_OFFICE("驻外招商分局"),
    INVESTMENT_GROUP("招商组"),
    DEPARTMENT("部门"),
    CENTER("投资促进中心");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
