package cn.zhaoshang.security;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import cn.zhaoshang.lead.LeadReport;
import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.Webapp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log of administrators' actions, filled at the engine (so /engine-rest and the Camunda Admin webapp are
 * both recorded) and by the attribution correction, and read through {@code GET /api/admin/audit} by administrators
 * only. A change that fails leaves no row.
 */
class AuditLogIT extends AppIT {

    @Test
    void userGroupMembershipAndAuthorizationChanges_throughEngineRest_areAudited() {
        String user = "audited" + UUID.randomUUID().toString().substring(0, 6);
        String group = "audit-group-" + UUID.randomUUID().toString().substring(0, 6);
        Instant before = Instant.now().minus(1, ChronoUnit.MINUTES);

        assertThat(post("/engine-rest/user/create", "admin", Map.of("profile", Map.of("id", user, "firstName", "审计",
                "lastName", "测试", "email", "audit@example.com"), "credentials", Map.of("password", "Passw0rd-1234")))
                .status()).isEqualTo(204);
        assertThat(put("/engine-rest/user/" + user + "/profile", "admin", Map.of("id", user, "firstName", "审计2",
                "lastName", "测试", "email", "audit2@example.com")).status()).isEqualTo(204);
        assertThat(put("/engine-rest/user/" + user + "/credentials", "admin", Map.of("password", "Passw0rd-5678",
                "authenticatedUserPassword", "demo")).status()).isEqualTo(204);
        assertThat(post("/engine-rest/group/create", "admin", Map.of("id", group, "name", "审计组", "type", "WORKFLOW"))
                .status()).isEqualTo(204);
        assertThat(put("/engine-rest/group/" + group + "/members/" + user, "admin", Map.of()).status()).isEqualTo(204);
        Response grant = post("/engine-rest/authorization/create", "admin", Map.of("type", 1, "permissions",
                List.of("ACCESS"), "groupId", group, "resourceType", 0, "resourceId", "tasklist"));
        assertThat(grant.status()).as(grant.body()).isEqualTo(200);
        String authorizationId = grant.json().get("id").asText();
        assertThat(delete("/engine-rest/authorization/" + authorizationId, "admin").status()).isEqualTo(204);
        assertThat(delete("/engine-rest/group/" + group + "/members/" + user, "admin").status()).isEqualTo(204);
        assertThat(delete("/engine-rest/group/" + group, "admin").status()).isEqualTo(204);
        assertThat(delete("/engine-rest/user/" + user, "admin").status()).isEqualTo(204);

        JsonNode items = audit("?actor=admin&from=" + before, "admin").get("items");
        assertAudited(items, "USER_CREATED", user, "审计");
        assertAudited(items, "USER_UPDATED", user, "audit2@example.com");
        assertAudited(items, "USER_UPDATED", user, "已修改密码");
        assertAudited(items, "GROUP_CREATED", group, "审计组");
        assertAudited(items, "MEMBERSHIP_ADDED", user + " → " + group, null);
        assertAudited(items, "AUTHORIZATION_CREATED", authorizationId, "GRANT group " + group + " Application/tasklist [ACCESS]");
        assertAudited(items, "AUTHORIZATION_DELETED", authorizationId, "group " + group);
        assertAudited(items, "MEMBERSHIP_REMOVED", user + " → " + group, null);
        assertAudited(items, "GROUP_DELETED", group, null);
        assertAudited(items, "USER_DELETED", user, null);
        for (JsonNode item : items) {
            assertThat(item.get("details") == null ? "" : item.get("details").asText()).doesNotContain("Passw0rd");
        }
    }

    @Test
    void theCamundaAdminWebapp_isAuditedToo() throws Exception {
        String user = "webapp" + UUID.randomUUID().toString().substring(0, 6);
        Webapp admin = new Webapp(port, "admin");
        HttpResponse<String> created = admin.post(Webapp.ENGINE_API + "/user/create", Map.of("profile",
                Map.of("id", user, "firstName", "网页", "lastName", "管理"), "credentials", Map.of("password", "Passw0rd-1234")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        JsonNode items = audit("?action=USER_CREATED&actor=admin", "admin").get("items");
        JsonNode row = assertAudited(items, "USER_CREATED", user, "网页");
        assertThat(row.get("source").asText()).isEqualTo("POST " + Webapp.ENGINE_API + "/user/create");
        assertThat(admin.delete(Webapp.ENGINE_API + "/user/" + user).statusCode()).isEqualTo(204);
    }

    @Test
    void anAttributionCorrection_isAudited() {
        long leadId = transactions.execute(status -> leadLedger.report(new LeadReport("审计归属公司" + UUID.randomUUID(),
                "审计项目", "MANUFACTURING", "INDUSTRIAL", new BigDecimal("12000"), null, null, false, null,
                "group-chengdong", null, null, "陈经理", "13857900001"), "reporter", null).getId());
        Response corrected = put("/api/leads/" + leadId + "/attribution", "admin",
                Map.of("reportingUnit", "park-chengdong", "reason", "审计测试：报送单位填错"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(204);
        JsonNode row = assertAudited(audit("?action=ATTRIBUTION_CORRECTED", "admin").get("items"),
                "ATTRIBUTION_CORRECTED", "lead " + leadId, "group-chengdong → park-chengdong");
        assertThat(row.get("details").asText()).contains("审计测试：报送单位填错");
        assertThat(row.get("source").asText()).isEqualTo("PUT /api/leads/" + leadId + "/attribution");
    }

    @Test
    void aFailedChange_leavesNoRow() {
        String bad = "bad id " + UUID.randomUUID().toString().substring(0, 4);
        Response refused = post("/engine-rest/user/create", "admin", Map.of("profile", Map.of("id", bad,
                "firstName", "x", "lastName", "y"), "credentials", Map.of("password", "Passw0rd-1234")));
        assertThat(refused.status()).isGreaterThanOrEqualTo(400);
        JsonNode items = audit("?action=USER_CREATED&size=200", "admin").get("items");
        for (JsonNode item : items) {
            assertThat(item.path("target").asText()).isNotEqualTo(bad);
        }
    }

    @Test
    void onlyAdministratorsReadIt_withFiltersAndPages() {
        assertThat(get("/api/admin/audit", "reporter").status()).isEqualTo(403);
        assertThat(get("/api/admin/audit", "center").status()).isEqualTo(403);
        assertThat(get("/api/admin/audit", null).status()).isEqualTo(401);
        assertThat(get("/api/admin/audit?action=NOT_AN_ACTION", "admin").status()).isEqualTo(400);
        assertThat(get("/api/admin/audit?from=yesterday", "admin").status()).isEqualTo(400);
        assertThat(get("/api/admin/audit?size=100000", "admin").status()).isEqualTo(400);

        JsonNode first = audit("?size=1&page=0", "admin");
        JsonNode second = audit("?size=1&page=1", "admin");
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("items").get(0).get("id").asLong()).isNotEqualTo(second.get("items").get(0).get("id").asLong());
        String today = java.time.LocalDate.now(cn.zhaoshang.system.EngineClock.BEIJING).toString();
        JsonNode todays = audit("?from=" + today + "&to=" + today, "admin");
        assertThat(todays.get("total").asLong()).isPositive();
    }

    private JsonNode audit(String query, String user) {
        Response response = get("/api/admin/audit" + query.replace("+", URLEncoder.encode("+", StandardCharsets.UTF_8)),
                user);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode assertAudited(JsonNode items, String action, String target, String detail) {
        for (JsonNode item : items) {
            if (item.get("action").asText().equals(action) && item.path("target").asText().equals(target)
                    && (detail == null || item.path("details").asText().contains(detail))) {
                assertThat(item.get("outcome").asText()).isEqualTo("SUCCEEDED");
                assertThat(item.get("actor").asText()).isEqualTo("admin");
                assertThat(item.get("occurredAt").asText()).isNotBlank();
                return item;
            }
        }
        throw new AssertionError("no " + action + " of " + target + " with " + detail + " in " + items);
    }
}
