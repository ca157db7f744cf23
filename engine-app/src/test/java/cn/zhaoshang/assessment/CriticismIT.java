package cn.zhaoshang.assessment;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.target.Targets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 被批评通报 (panan-2022 §四.(二)): a unit that met its targets is assessed normally; once the center records that a
 * notice criticised it, its annual report for the year says 一票否优 with the notice. The record's checks (who may
 * record, a day in the future, an unknown unit, the same notice twice) and who reads it.
 */
class CriticismIT extends LifecycleIT {

    @Test
    void aCriticisedUnitIsNotExcellentThatYear() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String unit = "crit-" + suffix;
        assertThat(put("/api/units/" + unit, "admin", Map.of("name", "通报测试镇" + suffix, "kind", "TOWN")).status())
                .isEqualTo(200);
        int year = EngineClock.today().getYear();
        // a target of 0: the unit is assessed and cannot fall short of it
        boolean inEffect = !get("/api/targets?year=" + year, "center").json().isEmpty();
        List<Map<String, Object>> items = List.of(Map.of("unitCode", unit, "metricCode", "SIGNED_PROJECTS",
                "targetValue", 0));
        Response plan = post("/api/targets/plans", "center", inEffect
                ? Map.of("year", year, "kind", "ADJUSTMENT", "reason", "新设乡镇下达目标", "items", items)
                : Map.of("year", year, "kind", "DECOMPOSITION", "items", items));
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        completeOk("countyhead", task(plan.json().get("plan").get("processInstanceId").asText(), Targets.Step.APPROVE),
                Map.of("decision", "APPROVE"));
        assertThat(report(year, unit).get("verdict").asText()).isEqualTo("NONE");

        String today = EngineClock.today().toString();
        String number = "磐招领办〔" + year + "〕" + suffix + "号";
        Map<String, Object> criticism = Map.of("unitCode", unit, "criticisedOn", today, "documentNumber", number,
                "reason", "未按期完成县领导小组办公室交办的重大项目供地前期工作");
        assertThat(post("/api/assessment/criticisms", "reporter", criticism).status()).isEqualTo(403);
        assertThat(post("/api/assessment/criticisms", "center", Map.of("unitCode", unit, "criticisedOn",
                EngineClock.today().plusDays(1).toString(), "documentNumber", number, "reason", "x")).status())
                .isEqualTo(400);
        Response unknown = post("/api/assessment/criticisms", "center", Map.of("unitCode", "no-such-unit",
                "criticisedOn", today, "documentNumber", number, "reason", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("unitCode");
        Response recorded = post("/api/assessment/criticisms", "center", criticism);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("recordedBy").asText()).isEqualTo("center");
        assertThat(post("/api/assessment/criticisms", "supervisor", criticism).status()).as("the same notice twice")
                .isEqualTo(409);
        assertThat(get("/api/assessment/criticisms?year=" + year, "countyhead").json().findValuesAsText("documentNumber"))
                .contains(number);
        assertThat(get("/api/assessment/criticisms?year=" + year, "reporter").json().findValuesAsText("documentNumber"))
                .as("another unit's criticism").doesNotContain(number);

        JsonNode report = report(year, unit);
        assertThat(report.get("verdict").asText()).isEqualTo("NOT_EXCELLENT");
        assertThat(docxText("/api/assessment/documents/" + report.get("id").asLong(), "center")).contains("一票否优",
                "被批评通报（" + number + "，" + today + "）", "批评通报：" + today);
    }

    /** The unit's annual report of {@code year}, generated now. */
    private JsonNode report(int year, String unit) {
        Response annual = post("/api/assessment/annual-reports", "center", Map.of("year", year));
        assertThat(annual.status()).as(annual.body()).isEqualTo(201);
        for (JsonNode r : get("/api/assessment/annual-reports?year=" + year, "center").json()) {
            if (r.get("unitCode").asText().equals(unit)) {
                return r;
            }
        }
        throw new AssertionError("no annual report of " + unit);
    }
}
