package cn.zhaoshang.ledger;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns the 项目台账 sorts by. Only these keys reach LedgerListMapper.xml, which turns each into its column
 * itself: a sort never puts text from the request into the SQL.
 */
public enum LedgerSort {
    REGISTERED("registered", "登记日期"),
    UPDATED("updated", "最近更新"),
    INVESTMENT("investment", "总投资"),
    LAND("land", "用地面积"),
    COMPANY("company", "企业名称");

    private final String key;
    private final String label;

    LedgerSort(String key, String label) {
        this.key = key;
        this.label = label;
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
