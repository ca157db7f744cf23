package cn.zhaoshang.security;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.Webapp;
import cn.zhaoshang.support.WorkbenchSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The basics of issue 6, checked over HTTP: hashed passwords, lockout, CSRF on the workbench and the webapps, security
 * headers on all three filter chains (HSTS behind a TLS proxy), the query result limit, and no stack trace in any
 * error answer.
 */
class SecurityBasicsIT extends AppIT {

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\tat ");

    @Autowired
    IdentityService identityService;
    @Autowired
    ProcessEngineConfiguration engineConfiguration;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void passwords_areStoredSaltedAndHashed_neverPlain() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT ID_, PWD_, SALT_ FROM ACT_ID_USER WHERE ID_ IN ('deputy', 'reporter')");
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat((String) row.get("PWD_")).isNotEqualTo("demo").doesNotContain("demo").startsWith("{SHA-512}");
            assertThat((String) row.get("SALT_")).isNotBlank();
        });
        assertThat(rows.get(0).get("PWD_")).as("same password, different salt").isNotEqualTo(rows.get(1).get("PWD_"));
    }

    @Test
    void anAccountIsLocked_afterRepeatedFailures_untilAnAdministratorUnlocksIt() {
        String id = "lockout" + UUID.randomUUID().toString().substring(0, 6);
        User user = identityService.newUser(id);
        user.setFirstName("锁定");
        user.setLastName("测试");
        user.setPassword("demo");
        identityService.saveUser(user);
        identityService.createMembership(id, "reporter");
        assertThat(get("/api/tasks", id).status()).isEqualTo(200);

        int max = ((ProcessEngineConfigurationImpl) engineConfiguration).getLoginMaxAttempts();
        setAttempts(id, max - 1); // the failures before, without waiting out Camunda's growing delays between them
        Response wrong = send(request("/api/tasks", null).header("Authorization", basic(id, "wrong")).GET().build());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(get("/api/tasks", id).status()).as("the right password no longer opens it").isEqualTo(401);
        assertThat(((UserEntity) identityService.createUserQuery().userId(id).singleResult()).getAttempts())
                .isGreaterThanOrEqualTo(max);

        assertThat(WorkbenchSession.loginRedirect(port, id, "demo")).endsWith("/login?locked");

        assertThat(post("/engine-rest/user/" + id + "/unlock", "admin", null).status()).isEqualTo(204);
        assertThat(get("/api/tasks", id).status()).isEqualTo(200);
        identityService.deleteUser(id);
    }

    @Test
    void csrf_protectsTheWorkbenchAndTheWebapps() throws Exception {
        WorkbenchSession workbench = WorkbenchSession.login(port, "admin");
        assertThat(workbench.postWithoutToken("/logout", Map.of()).statusCode()).isEqualTo(403);

        Webapp admin = new Webapp(port, "admin");
        String id = "csrf" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> newUser = Map.of("profile", Map.of("id", id, "firstName", "x", "lastName", "y"),
                "credentials", Map.of("password", "Passw0rd-1234"));
        HttpResponse<String> forged = admin.postWithoutToken(Webapp.ENGINE_API + "/user/create", newUser);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();
    }

    @Test
    void securityHeaders_onAllThreeChains() throws Exception {
        Response api = get("/api/tasks", "center");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(api.headers().firstValue("Strict-Transport-Security")).as("plain http").isEmpty();

        WorkbenchSession workbench = WorkbenchSession.login(port, "center");
        HttpResponse<String> page = workbench.get("/tasks");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

        Webapp tasklist = new Webapp(port, "center");
        HttpResponse<String> webapp = tasklist.get("/camunda/app/tasklist/");
        assertThat(webapp.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(webapp.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(webapp.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(webapp.headers().firstValue("Content-Security-Policy").orElse("")).contains("object-src 'none'");

        // behind the TLS-terminating proxy of docs/operations.md: https as the client saw it, so HSTS
        for (String path : List.of("/api/tasks", "/login", "/camunda/app/tasklist/")) {
            Response secure = send(request(path, "center").header("X-Forwarded-Proto", "https").GET().build());
            assertThat(secure.headers().firstValue("Strict-Transport-Security").orElse("")).as(path)
                    .contains("max-age=");
        }
    }

    @Test
    void theQueryResultLimit_refusesHugePagesCleanly() {
        Response huge = get("/engine-rest/task?maxResults=100000", "deputy");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("message").asText()).contains("Max results limit of 2000 exceeded");
        assertThat(get("/engine-rest/task?firstResult=0&maxResults=2000", "deputy").status()).isEqualTo(200);
        Response unbounded = get("/engine-rest/history/activity-instance", "admin");
        assertThat(unbounded.status()).as("an unbounded list for a logged-in caller").isEqualTo(400);
        assertThat(unbounded.json().get("message").asText()).contains("unbound");
    }

    @Test
    void errors_neverCarryAStackTrace() {
        List<Response> answers = List.of(
                post("/engine-rest/process-definition/key/Process_DoesNotExist/start", "admin", Map.of()),
                get("/engine-rest/task?sortBy=nonsense&sortOrder=asc&maxResults=10", "deputy"),
                post("/engine-rest/message", "admin", Map.of("messageName", "Message_DoesNotExist")),
                postRaw("/engine-rest/task?maxResults=10", "deputy", "{\"orQueries\": [", "application/json"),
                post("/engine-rest/task/no-such-task/complete", "deputy", Map.of()),
                get("/engine-rest/process-instance/no-such-instance/activity-instances", "admin"),
                post("/api/tasks/no-such-task/complete", "deputy", Map.of("decision", "APPROVE")),
                postRaw("/api/leads", "reporter", "{not json", "application/json"),
                get("/api/leads?from=yesterday", "center"),
                get("/api/no-such-endpoint", "center"));
        for (Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isGreaterThanOrEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(answer.body()).contains("json");
            assertThat(STACK_FRAME.matcher(answer.body()).find()).as(answer.body()).isFalse();
        }
    }

    private void setAttempts(String userId, int attempts) {
        ((ProcessEngineConfigurationImpl) engineConfiguration).getCommandExecutorTxRequired().execute(context -> {
            UserEntity user = context.getDbEntityManager().selectById(UserEntity.class, userId);
            context.getIdentityInfoManager().updateUserLock(user, attempts, new Date(0));
            return null;
        });
    }
}
