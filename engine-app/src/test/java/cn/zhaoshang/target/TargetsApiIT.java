package cn.zhaoshang.target;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.system.EngineClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The targets API end to end: an administrator adds a metric from the fixed kinds (audited; others get 403, a bad kind
 * a 400 in Chinese and English), the center's plans are validated, an adjustment needs its reason and goes through the
 * county head, the history keeps old and new with the reason, and an outside office logs its visits (warnings in the
 * month's figures).
 */
class TargetsApiIT extends LifecycleIT {

    @Test
    void metricsPlansAdjustmentsAndHistory() {
        String sfx = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String unit = "api-" + sfx;
        assertThat(put("/api/units/" + unit, "admin", Map.of("name", "接口测试镇" + sfx, "kind", "TOWN")).status())
                .isEqualTo(200);
        // a free year: no targets yet
        int year = 2040;
        while (!get("/api/targets?year=" + year, "center").json().isEmpty()) {
            year++;
        }

        // metrics: administrators only, from the fixed kinds
        String code = "SERVICE_SIGNED_" + sfx.toUpperCase();
        Map<String, Object> metric = Map.of("code", code, "name", "服务业签约项目", "kind", "COUNT_SIGNED",
                "projectCategory", "SERVICE");
        assertThat(post("/api/targets/metrics", "center", metric).status()).isEqualTo(403);
        Response bad = post("/api/targets/metrics", "admin", Map.of("code", code, "name", "x", "kind", "SQL"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("message").asText()).contains("计算方式").contains("kind must be");
        Response added = post("/api/targets/metrics", "admin", metric);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("rule").asText()).contains("签约项目数");
        assertThat(post("/api/targets/metrics", "admin", metric).status()).isEqualTo(409);
        assertThat(get("/api/admin/audit?action=TARGET_METRIC_CHANGED", "admin").json().toString()).contains(code);

        // plans: validated, the center only
        assertThat(post("/api/targets/plans", "reporter", plan(year, "DECOMPOSITION", null, unit, 3)).status())
                .isEqualTo(403);
        Response invalid = post("/api/targets/plans", "center", Map.of("year", year, "kind", "DECOMPOSITION", "items",
                List.of(item("nowhere", "SIGNED_PROJECTS", 1.5), item(unit, "NO_SUCH_METRIC", 1))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsText("field")).contains("items[0].unitCode",
                "items[0].targetValue", "items[1].metricCode");
        assertThat(post("/api/targets/plans", "center", plan(year, "ADJUSTMENT", "x", unit, 3)).status())
                .as("nothing to adjust yet").isEqualTo(409);

        Response first = post("/api/targets/plans", "center", plan(year, "DECOMPOSITION", null, unit, 3));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        completeOk("countyhead", task(first.json().get("plan").get("processInstanceId").asText(), Targets.Step.APPROVE),
                Map.of("decision", "APPROVE"));
        assertThat(post("/api/targets/plans", "center", plan(year, "DECOMPOSITION", null, unit, 3)).status())
                .as("in effect: adjust instead").isEqualTo(409);

        // adjustment: the reason is required; after approval the history has old, new and the reason
        assertThat(post("/api/targets/plans", "center", plan(year, "ADJUSTMENT", null, unit, 5)).json().get("errors")
                .findValuesAsText("field")).containsExactly("reason");
        Response adjust = post("/api/targets/plans", "center", plan(year, "ADJUSTMENT", "省里追加下达签约任务", unit, 5));
        assertThat(adjust.status()).as(adjust.body()).isEqualTo(201);
        String process = adjust.json().get("plan").get("processInstanceId").asText();
        assertThat(runtimeService.getVariable(process, Targets.Var.PLAN_SUMMARY)).asString().contains("（原 3）", "省里追加");
        assertThat(get("/api/targets?year=" + year, "center").json().get(0).get("targetValue").asDouble()).as("not yet")
                .isEqualTo(3);
        completeOk("countyhead", task(process, Targets.Step.APPROVE), Map.of("decision", "APPROVE", "opinion", "同意调整"));
        JsonNode history = get("/api/targets/changes?year=" + year, "center").json();
        assertThat(history.get(0).get("oldValue").asDouble()).isEqualTo(3);
        assertThat(history.get(0).get("newValue").asDouble()).isEqualTo(5);
        assertThat(history.get(0).get("reason").asText()).isEqualTo("省里追加下达签约任务");
        assertThat(history.get(0).get("approvedBy").asText()).isEqualTo("countyhead");
        assertThat(get("/api/admin/audit?action=TARGETS_APPROVED", "admin").json().toString()).contains("省里追加下达签约任务");
        assertThat(get("/api/targets/plans?year=" + year, "reporter").status()).isEqualTo(403);
        assertThat(get("/api/progress?year=abc", "center").status()).isEqualTo(400);

        // an outside office logs its visits; the month's figures warn under 15 visits / 3 valid leads
        String office = "office-" + sfx;
        assertThat(put("/api/units/" + office, "admin", Map.of("name", "驻深圳招商分局" + sfx, "kind", "OUTSIDE_OFFICE"))
                .status()).isEqualTo(200);
        String officer = "officer" + sfx;
        ensureUser(officer, "驻外干部", "reporter");
        assertThat(put("/api/units/" + office + "/members/" + officer, "admin", null).status()).isEqualTo(204);
        String today = LocalDate.now(EngineClock.BEIJING).toString();
        Map<String, Object> visit = new LinkedHashMap<>(Map.of("visitedOn", today, "companyName", "深圳某电子科技有限公司",
                "summary", "了解其华东产能布局，意向投资2亿元"));
        assertThat(post("/api/offices/" + office + "/visits", "reporter", visit).status()).as("another unit").isEqualTo(403);
        assertThat(post("/api/offices/" + office + "/visits", officer, Map.of("visitedOn", today)).json().get("errors")
                .findValuesAsText("field")).contains("companyName", "summary");
        Response logged = post("/api/offices/" + office + "/visits", officer, visit);
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(logged.json().get("visitsThisMonth").asInt()).isEqualTo(1);
        JsonNode month = null;
        for (JsonNode o : get("/api/offices", "reporter").json()) {
            if (o.get("unitCode").asText().equals(office)) {
                month = o;
            }
        }
        assertThat(month).isNotNull();
        assertThat(month.get("visits").asInt()).isEqualTo(1);
        assertThat(month.get("warnings").toString()).contains("拜访企业 1 家，少于 15 家", "有效线索 0 条，少于 3 条");
    }

    private static Map<String, Object> plan(int year, String kind, String reason, String unit, int signed) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("year", year);
        plan.put("kind", kind);
        if (reason != null) {
            plan.put("reason", reason);
        }
        plan.put("items", List.of(item(unit, "SIGNED_PROJECTS", signed)));
        return plan;
    }

    private static Map<String, Object> item(String unit, String metric, Number value) {
        return Map.of("unitCode", unit, "metricCode", metric, "targetValue", value);
    }
}
