package cn.zhaoshang.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountsLabelTest {

    @Test
    void aCountAtItsLimitReadsAsThatManyOrMore() {
        assertThat(TaskActionService.Counts.label(0)).isEqualTo("0");
        assertThat(TaskActionService.Counts.label(TaskActionService.COUNT_LIMIT - 1)).isEqualTo("999");
        assertThat(TaskActionService.Counts.label(TaskActionService.COUNT_LIMIT)).isEqualTo("999+");
    }
}
