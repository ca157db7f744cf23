package cn.zhaoshang.approval;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import cn.zhaoshang.support.AppIT;

import static org.assertj.core.api.Assertions.assertThat;

/** The forms and the tier table are deployed with the app and usable by the Tasklist and other systems. */
class FormsAndDecisionIT extends AppIT {

    @Test
    void userTaskFormRef_resolvesToTheDeployedCamundaForm() {
        String instance = submit(application("SERVICE", 12)).get("processInstanceId").asText();
        Task consent = openTask(instance);
        Task withForm = taskService.createTaskQuery().taskId(consent.getId()).initializeFormKeys().singleResult();
        assertThat(withForm.getCamundaFormRef().getKey()).isEqualTo("form_approval_step");
        assertThat(withForm.getCamundaFormRef().getBinding()).isEqualTo("deployment");

        // what the Tasklist fetches, as the official who works on the task
        Response form = get("/engine-rest/task/" + consent.getId() + "/deployed-form", "countyhead");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        JsonNode schema = form.json();
        assertThat(schema.get("id").asText()).isEqualTo("form_approval_step");
        assertThat(form.body()).contains("\"decision\"").contains("同意").contains("驳回").contains("退回");
    }

    @Test
    void startFormRef_resolvesForAnApplicant() {
        Response form = get("/engine-rest/process-definition/key/Process_LandingApproval/deployed-start-form", "carrier");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().get("id").asText()).isEqualTo("form_landing_application");
        assertThat(form.body()).contains("landAreaMu").contains("企业名称");
    }

    @Test
    void approvalTier_canBeEvaluatedByAnExternalClientThroughEngineRest() {
        Map<String, Object> variables = Map.of(
                "landRequired", Map.of("value", true, "type", "Boolean"),
                "landAreaMu", Map.of("value", 45, "type", "Double"),
                "projectCategory", Map.of("value", "INDUSTRIAL", "type", "String"),
                "caseByCaseSupport", Map.of("value", true, "type", "Boolean"),
                "devZone", Map.of("value", false, "type", "Boolean"));
        Response result = post("/engine-rest/decision-definition/key/ApprovalTier/evaluate", "reporter",
                Map.of("variables", variables));
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.json().get(0).get("tier").get("value").asText()).isEqualTo("T3");
    }
}
