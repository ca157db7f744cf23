package cn.zhaoshang.meeting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import cn.zhaoshang.support.LifecycleIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A research meeting whose recorded decisions are longer than a Camunda String variable holds (4 000 characters in
 * TEXT_): the month-end meeting of fifty leads, here three leads with long reasons. The benchmark's W1 found that the
 * REST completion stored the decisions as one String and MariaDB refused the whole transaction; they now go as a JSON
 * variable and every decision reaches the ledger whole.
 */
class LongMeetingRecordIT extends LifecycleIT {

    @Test
    void decisionsLongerThanAStringVariableAreRecordedWhole() {
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Map<Long, Map<String, Object>> decisions = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            long leadId = screened(lead("长纪要测试" + run + "号" + i + "有限公司", "长纪要测试项目"));
            Map<String, Object> item = new LinkedHashMap<>(valid("park-chengdong", "分管副县长 李明"));
            // 2 000 characters, the most a reason may have, with a 4-byte character that counts twice in UTF-16
            item.put("reason", ("第" + i + "项：符合产业导向𠀀" + "经研判，项目投资强度、亩均税收和产业链配套均达到准入标准。".repeat(80))
                    .substring(0, 1999));
            decisions.put(leadId, item);
        }
        JsonNode meeting = convene();
        record(meeting, decisions);

        String recorded = get("/api/meetings/" + meeting.get("id").asLong(), "center").json().toString();
        for (Map.Entry<Long, Map<String, Object>> decision : decisions.entrySet()) {
            assertThat(status(decision.getKey())).isEqualTo("VALID");
            assertThat(recorded).contains((String) decision.getValue().get("reason"));
        }
        assertThat(decisions.values().stream().mapToInt(d -> ((String) d.get("reason")).length()).sum())
                .as("longer than TEXT_").isGreaterThan(4000);
        assertThat(List.copyOf(decisions.keySet())).hasSize(3);
    }
}
