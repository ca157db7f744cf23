package cn.zhaoshang.ledger;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns the 项目台账 sorts by. Only these keys reach LedgerListMapper.xml, which turns each into its column
 * itself: a sort never puts text from the request into the SQL.
 */
public enum LedgerSort {
    REGISTERED("registered", "登记日期", "从新到旧", "从旧到新"),
    UPDATED("updated", "最近更新", "从新到旧", "从旧到新"),
    INVESTMENT("investment", "总投资", "从高到低", "从低到高"),
    LAND("land", "用地面积", "从大到小", "从小到大"),
    COMPANY("company", "企业名称", "逆序", "顺序");

    private final String key;
    private final String label;
    private final String descending;
    private final String ascending;

    LedgerSort(String key, String label, String descending, String ascending) {
        this.key = key;
        this.label = label;
        this.descending = descending;
        this.ascending = ascending;
    }

    /** e.g. "总投资，从高到低" */
    public String describe(boolean descendingOrder) {
        return label + "，" + (descendingOrder ? descending : ascending);
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<LedgerSort> parse(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
