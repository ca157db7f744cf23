package cn.zhaoshang.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages show the Chinese half of the domain's "中文 / English" messages, whatever the English starts with. */
class ChineseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "名称不能为空 / name is required | 名称不能为空",
            "2099-03-04 没有特别安排 / 2099-03-04 has no entry | 2099-03-04 没有特别安排",
            "请选择受理（ACCEPT）或不予受理（REJECT）/ decision must be ACCEPT or REJECT | 请选择受理（ACCEPT）或不予受理（REJECT）",
            "日期格式应为 yyyy-MM-dd / must be a date like 2026-11-23 | 日期格式应为 yyyy-MM-dd",
            "超过 1/2 的目标 | 超过 1/2 的目标",
            "只有中文 | 只有中文"})
    void chinesePart(String message, String chinese) {
        assertThat(Chinese.of(message)).isEqualTo(chinese);
    }
}
