package cn.zhaoshang.governance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.security.AuditAction;
import cn.zhaoshang.security.AuditLog;
import cn.zhaoshang.support.AppIT;

import static cn.zhaoshang.governance.TestModels.Step.userTask;
import static cn.zhaoshang.governance.TestModels.TTL;
import static cn.zhaoshang.governance.TestModels.files;
import static cn.zhaoshang.governance.TestModels.linear;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A redesign end to end, over the administrators' REST API: projects wait at three steps of version 1 of an approval
 * process; version 2 (deployed as Camunda Modeler does) adds a step and renames one (a new id); the versions with who
 * deployed them and how many instances run on each; the diff; the generated plan leaves the renamed step unmapped and
 * the preview says which project cannot move and why; the administrator adds the pair, validates (a wrong pair shows
 * Camunda's failure for that instruction), migrates as a batch, and the report says every project migrated; each
 * project then continues on version 2 to its end, the one before the new step through it. Then version 1 is rolled
 * back as version 3. All audited; non-administrators get 403. A test-only process key: the shipped models stay latest.
 */
class RedesignScenarioIT extends AppIT {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    AuditLog auditLog;

    static String version1(String key) {
        return linear(key, "项目审批（改版测试）", TTL, "", List.of(
                userTask("Task_Register", "登记", "investment-center"),
                userTask("Task_Review", "分管副县长审核", "deputy-head"),
                userTask("Task_Approve", "县长审批", "county-head")));
    }

    static String version2(String key) {
        return linear(key, "项目审批（改版测试）", TTL, "", List.of(
                userTask("Task_Register", "登记", "investment-center"),
                userTask("Task_CheckCompliance", "合规审查", "justice-bureau"),
                userTask("Task_ReviewByDeputyHead", "分管副县长审核", "deputy-head"),
                userTask("Task_Approve", "县长审批", "county-head")));
    }

    @Test
    void projectsWaitingAtThreeSteps_areMigratedToTheRedesign_andFinish() throws Exception {
        String key = TestModels.key("Redesign");
        assertThat(deploy("admin", "改版 v1", files("redesign.bpmn", version1(key))).status()).isEqualTo(200);

        // three projects, waiting at 登记, 审核 and 审批 of version 1
        ProcessInstance atRegister = start(key, "P-1");
        ProcessInstance atReview = start(key, "P-2");
        complete(atReview, "Task_Register");
        ProcessInstance atApprove = start(key, "P-3");
        complete(atApprove, "Task_Register");
        complete(atApprove, "Task_Review");

        Response v2 = deploy("admin", "改版 v2", files("redesign.bpmn", version2(key)));
        assertThat(v2.status()).as(v2.body()).isEqualTo(200);

        // the versions: who deployed, instances per version
        JsonNode versions = get("/api/admin/processes/" + key + "/versions", "admin").json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).get("latest").asBoolean()).isTrue();
        assertThat(versions.get(0).get("deployedBy").asText()).isEqualTo("admin");
        assertThat(versions.get(0).get("runningInstances").asLong()).isZero();
        assertThat(versions.get(1).get("runningInstances").asLong()).isEqualTo(3);
        assertThat(versions.get(1).get("deploymentName").asText()).isEqualTo("改版 v1");
        String source = versions.get(1).get("definitionId").asText();
        String target = versions.get(0).get("definitionId").asText();

        // the diff: a step added, one renamed (removed + added), the flows rewired
        JsonNode diff = get("/api/admin/processes/" + key + "/diff?from=1&to=2", "admin").json();
        assertThat(ids(diff.get("added"))).contains("Task_CheckCompliance", "Task_ReviewByDeputyHead");
        assertThat(ids(diff.get("removed"))).containsExactly("Task_Review");
        assertThat(ids(diff.get("changed"))).contains("Flow_1", "Flow_2");
        assertThat(diff.get("added").get(0).get("type").asText()).isNotBlank();

        // the generated plan maps equal ids; the renamed step is left unmapped
        JsonNode generated = post("/api/admin/migrations/plan", "admin",
                Map.of("sourceDefinitionId", source, "targetDefinitionId", target)).json();
        assertThat(sources(generated.get("plan").get("instructions"))).contains("Task_Register", "Task_Approve")
                .doesNotContain("Task_Review");
        assertThat(ids(generated.get("unmappedSourceActivities"))).contains("Task_Review");
        ObjectNode plan = (ObjectNode) generated.get("plan");

        // preview: the project at 审核 cannot move, and why
        JsonNode preview = post("/api/admin/migrations/preview", "admin", Map.of("plan", plan)).json();
        assertThat(preview.get("migratable").asInt()).isEqualTo(2);
        JsonNode stuck = instance(preview, atReview.getId());
        assertThat(stuck.get("migratable").asBoolean()).isFalse();
        assertThat(stuck.get("reasons").toString()).contains("Task_Review");
        assertThat(instance(preview, atRegister.getId()).get("migratable").asBoolean()).isTrue();
        // nothing moved by the preview
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(source).count()).isEqualTo(3);

        // a wrong pair: Camunda's validation names the instruction
        ArrayNode instructions = (ArrayNode) plan.get("instructions");
        instructions.addObject().put("source", "Task_Review").put("target", "EndEvent_" + key)
                .put("updateEventTrigger", false);
        JsonNode invalid = post("/api/admin/migrations/validate", "admin", Map.of("plan", plan)).json();
        assertThat(invalid.get("valid").asBoolean()).isFalse();
        JsonNode wrong = findInstruction(invalid.get("instructions"), "Task_Review");
        assertThat(wrong.get("failures")).isNotEmpty();
        // the administrator removes it and maps the renamed step
        instructions.remove(instructions.size() - 1);
        instructions.addObject().put("source", "Task_Review").put("target", "Task_ReviewByDeputyHead")
                .put("updateEventTrigger", false);
        JsonNode valid = post("/api/admin/migrations/validate", "admin", Map.of("plan", plan)).json();
        assertThat(valid.get("valid").asBoolean()).as(valid.toString()).isTrue();
        assertThat(post("/api/admin/migrations/preview", "admin", Map.of("plan", plan)).json().get("migratable").asInt())
                .isEqualTo(3);

        // non-administrators: 403 everywhere
        for (String user : List.of("reporter", "center", "deputy")) {
            assertThat(post("/api/admin/migrations", user, Map.of("plan", plan)).status()).as(user).isEqualTo(403);
            assertThat(get("/api/admin/processes/" + key + "/versions", user).status()).isEqualTo(403);
            assertThat(get("/api/admin/processes", user).status()).isEqualTo(403);
            assertThat(post("/api/admin/processes/" + key + "/versions/1/rollback", user, Map.of()).status()).isEqualTo(403);
        }

        // the migration as a batch, reported per instance
        Response started = post("/api/admin/migrations", "admin", Map.of("plan", plan));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("scheduled").asInt()).isEqualTo(3);
        long migrationId = started.json().get("migrationId").asLong();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode report = get("/api/admin/migrations/" + migrationId, "admin").json();
            assertThat(report.get("counts").path("MIGRATED").asInt()).as(report.toString()).isEqualTo(3);
        });
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(target).count()).isEqualTo(3);
        assertThat(auditLog.search(null, null, "admin", AuditAction.INSTANCES_MIGRATED.name(), 0, 50))
                .anySatisfy(entry -> assertThat(entry.details()).contains(source, target, "Task_ReviewByDeputyHead"));

        // every project continues on version 2 to its end
        assertThat(open(atRegister).getTaskDefinitionKey()).isEqualTo("Task_Register");
        complete(atRegister, "Task_Register");
        complete(atRegister, "Task_CheckCompliance");
        complete(atRegister, "Task_ReviewByDeputyHead");
        complete(atRegister, "Task_Approve");
        assertThat(open(atReview).getTaskDefinitionKey()).isEqualTo("Task_ReviewByDeputyHead");
        complete(atReview, "Task_ReviewByDeputyHead");
        complete(atReview, "Task_Approve");
        complete(atApprove, "Task_Approve");
        for (ProcessInstance project : List.of(atRegister, atReview, atApprove)) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(project.getId()).count()).isZero();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(project.getId())
                    .singleResult().getEndActivityId()).isEqualTo("EndEvent_" + key);
        }
        assertThat(path(atRegister)).containsSubsequence("Task_Register", "Task_CheckCompliance",
                "Task_ReviewByDeputyHead", "Task_Approve", "EndEvent_" + key);
        // the migrated step's history moved with it (Camunda migrates the activity instance): 审核 once, under its new id
        assertThat(path(atReview)).containsSubsequence("Task_Register", "Task_ReviewByDeputyHead", "Task_Approve")
                .doesNotContain("Task_CheckCompliance");

        // roll back: version 1 again, as version 3
        Response rolledBack = post("/api/admin/processes/" + key + "/versions/1/rollback", "admin", Map.of());
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(201);
        assertThat(rolledBack.json().get("newVersion").asInt()).isEqualTo(3);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult().getVersion()).isEqualTo(3);
        JsonNode same = get("/api/admin/processes/" + key + "/diff?from=1&to=3", "admin").json();
        assertThat(same.get("added")).isEmpty();
        assertThat(same.get("removed")).isEmpty();
        assertThat(same.get("changed")).isEmpty();
        ProcessInstance onThree = start(key, "P-4");
        assertThat(open(onThree).getTaskDefinitionKey()).isEqualTo("Task_Register");
        complete(onThree, "Task_Register");
        assertThat(open(onThree).getTaskDefinitionKey()).isEqualTo("Task_Review");
        assertThat(auditLog.search(null, null, "admin", AuditAction.PROCESS_ROLLED_BACK.name(), 0, 50))
                .anySatisfy(entry -> assertThat(entry.target()).isEqualTo(rolledBack.json().get("deploymentId").asText()));
        JsonNode afterRollback = get("/api/admin/processes/" + key + "/versions", "admin").json();
        assertThat(afterRollback.get(0).get("source").asText()).isEqualTo(ProcessVersions.ROLLBACK_SOURCE);
        assertThat(afterRollback.get(0).get("deployedBy").asText()).isEqualTo("admin");
        // the latest of the shipped processes is untouched
        assertThat(get("/api/admin/processes", "admin").json().toString()).contains("Process_LandingApproval", key);
    }

    private ProcessInstance start(String key, String businessKey) {
        return runtimeService.startProcessInstanceByKey(key, businessKey);
    }

    private Task open(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void complete(ProcessInstance instance, String step) {
        Task task = open(instance);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(step);
        taskService.complete(task.getId());
    }

    private List<String> path(ProcessInstance instance) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().unlimitedList()
                .stream().map(HistoricActivityInstance::getActivityId).toList();
    }

    private static JsonNode instance(JsonNode preview, String id) {
        for (JsonNode i : preview.get("instances")) {
            if (i.get("processInstanceId").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no instance " + id + " in " + preview);
    }

    private static JsonNode findInstruction(JsonNode instructions, String source) {
        for (JsonNode i : instructions) {
            if (i.get("source").asText().equals(source)) {
                return i;
            }
        }
        throw new AssertionError("no instruction from " + source);
    }

    private static List<String> ids(JsonNode nodes) {
        List<String> ids = new ArrayList<>();
        nodes.forEach(n -> ids.add(n.isTextual() ? n.asText() : n.get("id").asText()));
        return ids;
    }

    private static List<String> sources(JsonNode instructions) {
        List<String> ids = new ArrayList<>();
        instructions.forEach(n -> ids.add(n.get("source").asText()));
        return ids;
    }

    private Response deploy(String user, String name, Map<String, byte[]> files) {
        String boundary = "----CamundaModeler" + UUID.randomUUID();
        return send(request("/engine-rest/deployment/create", null).header("Authorization", basic(user, "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(TestModels.multipart(boundary, Map.of("deployment-name", name, "deployment-source",
                        "Camunda Modeler", "deploy-changed-only", "false"), files)).build());
    }
}
