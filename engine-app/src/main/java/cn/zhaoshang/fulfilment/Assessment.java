package cn.zhaoshang.fulfilment;

/** 履约评估 outcomes (qiaocheng §七; DESIGN.md step 10). */
public enum Assessment {
    COMPLIANT("履约达标，兑现政策"),
    UNDERPERFORMING("已投资但指标未达，二次招商"),
    SERIOUS_BREACH("严重违约，依约清退");

    private final String label;

    Assessment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
