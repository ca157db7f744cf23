package cn.zhaoshang.approval;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import cn.zhaoshang.support.AppIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An official works in the Camunda Tasklist served by the app: logs in to the webapp with the same account,
 * loads the step's Camunda Form, claims and submits it. The sign-off lands in the ledger like one made through
 * the domain API, and a rejection without an opinion is refused there too.
 */
class TasklistIT extends AppIT {

    @Test
    void officialClaimsAndCompletesInTheTasklist_andTheSignOffIsRecorded() throws Exception {
        JsonNode submitted = submit(application("INDUSTRIAL", 20));
        Task consent = openTask(submitted.get("processInstanceId").asText());
        Webapp tasklist = new Webapp("countyhead");
        String engineApi = "/camunda/api/engine/engine/default";

        HttpResponse<String> form = tasklist.get(engineApi + "/task/" + consent.getId() + "/deployed-form");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(form.body()).get("id").asText()).isEqualTo("form_approval_step");
        JsonNode formVariables = JSON.readTree(tasklist.get(engineApi + "/task/" + consent.getId() + "/form-variables").body());
        assertThat(formVariables.get("companyName").get("value").asText()).isEqualTo("磐安测试企业有限公司");
        assertThat(formVariables.has("decision")).as("the form starts without a decision").isFalse();

        assertThat(tasklist.post(engineApi + "/task/" + consent.getId() + "/claim", Map.of("userId", "countyhead"))
                .statusCode()).isEqualTo(204);
        // 驳回 without an opinion: refused with the reason the Tasklist shows, and nothing is completed. The
        // webapp's own API answers 500 here (its exception mapping is Camunda's); /engine-rest answers 400.
        Map<String, Object> rejectWithoutOpinion = Map.of("variables",
                Map.of("decision", Map.of("value", "REJECT", "type", "String")));
        HttpResponse<String> refused = tasklist.post(engineApi + "/task/" + consent.getId() + "/submit-form",
                rejectWithoutOpinion);
        assertThat(refused.body()).contains("驳回必须填写意见");
        Response refusedByEngineRest = post("/engine-rest/task/" + consent.getId() + "/submit-form", "countyhead",
                rejectWithoutOpinion);
        assertThat(refusedByEngineRest.status()).as(refusedByEngineRest.body()).isEqualTo(400);
        assertThat(refusedByEngineRest.json().get("message").asText()).contains("驳回必须填写意见");
        assertThat(openTask(submitted.get("processInstanceId").asText()).getId()).isEqualTo(consent.getId());

        HttpResponse<String> submittedForm = tasklist.post(engineApi + "/task/" + consent.getId() + "/submit-form",
                Map.of("variables", Map.of("decision", Map.of("value", "APPROVE", "type", "String"),
                        "opinion", Map.of("value", "同意，请分管副县长审批", "type", "String"))));
        assertThat(submittedForm.statusCode()).as(submittedForm.body()).isEqualTo(204);

        JsonNode project = get("/api/projects/" + submitted.get("projectId").asLong(), "center").json();
        JsonNode signOff = project.get("approvals").get(0);
        assertThat(signOff.get("step").asText()).isEqualTo("Task_ConsentByCountyHead");
        assertThat(signOff.get("userId").asText()).isEqualTo("countyhead");
        assertThat(signOff.get("opinion").asText()).isEqualTo("同意，请分管副县长审批");
    }

    /** A browser session in the Camunda webapps: session cookie plus the XSRF token the webapps require. */
    private final class Webapp {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        Webapp(String user) throws IOException, InterruptedException {
            get("/camunda/app/tasklist/"); // hands out the XSRF-TOKEN cookie
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
            HttpResponse<String> login = send(builder("/camunda/api/admin/auth/user/default/login/tasklist")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertThat(login.statusCode()).as("webapp login: " + login.body()).isEqualTo(200);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(builder(path).GET().build());
        }

        HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
            return send(builder(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)).build());
        }

        private HttpRequest.Builder builder(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "application/json, text/plain, */*");
            cookies.getCookieStore().getCookies().stream()
                    .filter(c -> "XSRF-TOKEN".equals(c.getName()))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
            return builder;
        }

        private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
