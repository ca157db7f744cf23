package cn.zhaoshang.approval;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.Webapp;

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
        Webapp tasklist = new Webapp(port, "countyhead");
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
}
