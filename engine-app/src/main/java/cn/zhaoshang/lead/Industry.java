package cn.zhaoshang.lead;

/** 所属产业 of a lead; the codes are what forms, DMN MajorProject and the ledger store. */
public enum Industry {
    MANUFACTURING("先进制造业"),
    DIGITAL("数字经济"),
    NEW_ENERGY("新能源新材料"),
    BIOMEDICINE("生物医药"),
    CULTURE_TOURISM("文化旅游"),
    HEALTH_CARE("康养"),
    MODERN_SERVICE("现代服务业"),
    AGRICULTURE("现代农业"),
    COMMERCE("商贸"),
    OTHER("其他");

    private final String label;

    Industry(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
