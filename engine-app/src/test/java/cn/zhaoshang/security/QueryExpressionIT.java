package cn.zhaoshang.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.Webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Camunda 7.24 CE advisory (JUEL in a task query's {@code orQueries} runs for any logged-in user), sent as an
 * official would send it, on every query path: REST {@code /task} and {@code /task/count}, the webapps' engine API,
 * stored filters (create, update, execute with an extending query) and a filter stored before the rule. Each attack
 * is answered 400 with a Chinese + English JSON body, and the payload — which creates a file when evaluated — never
 * runs.
 */
class QueryExpressionIT extends AppIT {

    @Autowired
    FilterService filterService;
    @Autowired
    JdbcTemplate jdbc;

    Path marker;
    String payload;

    @BeforeEach
    void payload() throws IOException {
        marker = Files.createTempDirectory("zs-query").resolve("pwned-" + UUID.randomUUID());
        payload = AttackPayloads.createsFile(marker);
    }

    @Test
    void anOfficial_sendingTheAdvisoryPayloadInOrQueries_gets400_andNothingRuns() {
        for (String path : List.of("/engine-rest/task", "/engine-rest/task/count")) {
            Response response = post(path, "deputy", Map.of("orQueries", List.of(Map.of("assigneeExpression", payload))));
            assertRefused(response, path);
        }
        Response topLevel = post("/engine-rest/task", "reporter", Map.of("candidateGroupExpression", payload));
        assertRefused(topLevel, "top-level expression");
        Response inQueryString = get("/engine-rest/task?assigneeExpression=" + URLEncoder.encode(payload,
                StandardCharsets.UTF_8), "reporter");
        assertRefused(inQueryString, "GET parameter");
        Response inVariableFilter = post("/engine-rest/task", "deputy", Map.of("orQueries", List.of(Map.of(
                "processVariables", List.of(Map.of("name", "x", "operator", "eq", "value", payload))))));
        assertRefused(inVariableFilter, "any string of the query");
        assertThat(marker).doesNotExist();
    }

    @Test
    void theWebappsEngineApi_refusesItToo() throws Exception {
        Webapp tasklist = new Webapp(port, "deputy");
        HttpResponse<String> response = tasklist.post(Webapp.ENGINE_API + "/task",
                Map.of("orQueries", List.of(Map.of("assigneeExpression", payload))));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("不允许使用表达式").contains("not allowed");
        assertThat(marker).doesNotExist();
    }

    @Test
    void storedFilters_keepOnlyTheCallerAndTheTime() {
        Map<String, Object> evil = Map.of("resourceType", "Task", "name", "evil-" + UUID.randomUUID(), "query",
                Map.of("orQueries", List.of(Map.of("assigneeExpression", payload))));
        assertRefused(post("/engine-rest/filter/create", "admin", evil), "filter create");
        assertRefused(post("/engine-rest/filter/create", "admin", Map.of("resourceType", "Task", "name", "evil2",
                "query", Map.of("assigneeExpression", payload))), "filter create, top level");

        String name = "mine-" + UUID.randomUUID();
        Response created = post("/engine-rest/filter/create", "admin", Map.of("resourceType", "Task", "name", name,
                "query", Map.of("assigneeExpression", "${currentUser()}",
                        "orQueries", List.of(Map.of("candidateGroupsExpression", "${currentUserGroups()}")))));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().get("id").asText();
        try {
            assertRefused(put("/engine-rest/filter/" + id, "admin", Map.of("resourceType", "Task", "name", name,
                    "query", Map.of("orQueries", List.of(Map.of("assigneeExpression", payload))))), "filter update");
            assertRefused(post("/engine-rest/filter/" + id + "/list", "admin",
                    Map.of("orQueries", List.of(Map.of("assigneeExpression", payload)))), "extending query");
            assertRefused(post("/engine-rest/filter/" + id + "/count", "admin",
                    Map.of("assigneeExpression", "${currentUser()}")), "no expression in an extending query at all");
            Response listed = post("/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15", "admin", Map.of());
            assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        } finally {
            filterService.deleteFilter(id);
        }
        assertThat(marker).doesNotExist();
    }

    /** A filter whose stored query was written before this rule (or straight into the database) is refused when run. */
    @Test
    void aFilterStoredBeforeTheRule_isRefusedWhenExecuted_byTheEngine() {
        Filter filter = filterService.newTaskFilter("legacy-" + UUID.randomUUID())
                .setQuery(taskService.createTaskQuery().or().taskAssigneeExpression("${currentUser()}").endOr());
        filterService.saveFilter(filter);
        try {
            int updated = transactions.execute(status -> jdbc.update(
                    "UPDATE ACT_RU_FILTER SET QUERY_ = REPLACE(QUERY_, ?, ?) WHERE ID_ = ?",
                    "${currentUser()}", payload, filter.getId()));
            assertThat(updated).isOne();
            Response response = post("/engine-rest/filter/" + filter.getId() + "/list?firstResult=0&maxResults=15",
                    "admin", Map.of());
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().get("type").asText()).isEqualTo("QueryExpressionRefusedException");
            assertThat(response.json().get("message").asText()).contains("已保存的任务过滤器只能使用").contains("may only use");
            assertThatThrownBy(() -> filterService.list(filter.getId()))
                    .isInstanceOf(QueryExpressionRefusedException.class);
        } finally {
            filterService.deleteFilter(filter.getId());
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void theJavaApi_isGuardedAtTheEngine() {
        assertThatThrownBy(() -> taskService.createTaskQuery().or().taskAssigneeExpression(payload).endOr().list())
                .isInstanceOf(QueryExpressionRefusedException.class);
        assertThatThrownBy(() -> taskService.createTaskQuery().or().taskCandidateGroupExpression(payload).endOr().count())
                .isInstanceOf(QueryExpressionRefusedException.class);
        Filter evil = filterService.newTaskFilter("evil-java")
                .setQuery(taskService.createTaskQuery().or().dueBeforeExpression(payload).endOr());
        assertThatThrownBy(() -> filterService.saveFilter(evil)).isInstanceOf(QueryExpressionRefusedException.class);
        assertThat(marker).doesNotExist();
    }

    /** The app's own Tasklist filters (我的待办, 待认领: ${currentUser()}, ${currentUserGroups()}) keep working. */
    @Test
    void theAppsTasklistFilters_stillWork() throws Exception {
        // as Camunda Tasklist asks: pages of 2000, the largest page the engine's result limit allows
        Response filters = get("/engine-rest/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=2000",
                "deputy");
        assertThat(filters.status()).as(filters.body()).isEqualTo(200);
        assertThat(filters.json().findValuesAsText("name")).contains("我的待办", "待认领");
        for (JsonNode filter : filters.json()) {
            assertThat(filter.get("itemCount").isNumber()).isTrue();
            Response list = post("/engine-rest/filter/" + filter.get("id").asText() + "/list?firstResult=0&maxResults=15",
                    "deputy", Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))));
            assertThat(list.status()).as(list.body()).isEqualTo(200);
        }
        Webapp tasklist = new Webapp(port, "deputy");
        HttpResponse<String> viaWebapp = tasklist.get(Webapp.ENGINE_API
                + "/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=2000");
        assertThat(viaWebapp.statusCode()).isEqualTo(200);
        assertThat(viaWebapp.body()).contains("我的待办");
    }

    private void assertRefused(Response response, String what) {
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(400);
        JsonNode body = response.json();
        String message = body.get("message").asText();
        assertThat(message).as(what).contains("不允许使用表达式").contains("not allowed");
        assertThat(response.body()).doesNotContain("\tat ");
    }
}
