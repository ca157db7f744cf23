package cn.zhaoshang.governance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.ledger.LedgerEventMapper;
import cn.zhaoshang.support.AppIT;

import static cn.zhaoshang.governance.TestModels.Step.raw;
import static cn.zhaoshang.governance.TestModels.TTL;
import static cn.zhaoshang.governance.TestModels.files;
import static cn.zhaoshang.governance.TestModels.linear;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The element templates for Camunda Modeler (process-models/element-templates/): each file is a template list of
 * the Camunda 7 element-templates schema's required structure; each template applied to a task (the XML its
 * bindings produce, as Modeler writes it) passes the deployment checks; a process made of the ledger, notify, tier
 * and approval-step templates is deployed through /engine-rest and run: the ledger entry is written, the tier
 * decided, the step due on a working day and offered to its group.
 */
class ElementTemplatesIT extends AppIT {

    static final Path TEMPLATES = Path.of("../process-models/element-templates");
    static final Set<String> PROPERTY_TYPES = Set.of("String", "Text", "Boolean", "Dropdown", "Hidden");
    static final Set<String> BINDING_TYPES = Set.of("property", "camunda:property", "camunda:inputParameter",
            "camunda:outputParameter", "camunda:in", "camunda:out", "camunda:executionListener", "camunda:field",
            "camunda:errorEventDefinition", "camunda:in:businessKey");

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    LedgerEventMapper ledgerEvents;

    static Map<String, JsonNode> templates() throws IOException {
        Map<String, JsonNode> templates = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode template : JSON.readTree(file.toFile())) {
                    templates.put(template.get("id").asText(), template);
                }
            }
        }
        return templates;
    }

    @Test
    void everyTemplate_hasTheSchemasRequiredStructure() throws IOException {
        Map<String, JsonNode> templates = templates();
        assertThat(templates).containsKeys("cn.zhaoshang.recordLedgerEvent", "cn.zhaoshang.notify",
                "cn.zhaoshang.approvalTier", "cn.zhaoshang.startNextProcess", "cn.zhaoshang.approvalStep");
        for (JsonNode t : templates.values()) {
            assertThat(t.get("$schema").asText()).contains("element-templates-json-schema");
            assertThat(t.get("name").asText()).isNotBlank();
            assertThat(t.get("version").isInt()).isTrue();
            assertThat(t.get("appliesTo").isArray() && t.get("appliesTo").size() > 0).isTrue();
            t.get("appliesTo").forEach(a -> assertThat(a.asText()).startsWith("bpmn:"));
            assertThat(t.get("properties")).isNotEmpty();
            for (JsonNode p : t.get("properties")) {
                assertThat(PROPERTY_TYPES).as(t.get("id") + " " + p).contains(p.get("type").asText());
                assertThat(BINDING_TYPES).contains(p.get("binding").get("type").asText());
                assertThat(p.get("binding").get("name").asText()).isNotBlank();
                if (p.get("type").asText().equals("Dropdown")) {
                    assertThat(p.get("choices")).isNotEmpty();
                    List<String> values = new ArrayList<>();
                    p.get("choices").forEach(c -> values.add(c.get("value").asText()));
                    assertThat(values).contains(p.get("value").asText());
                }
            }
        }
    }

    /** The XML Modeler writes when the template is applied: attributes and camunda:inputParameter children. */
    static String apply(JsonNode template, String id, String name, Map<String, String> overrides) {
        String element = template.get("appliesTo").get(0).asText().substring(5);
        element = Character.toLowerCase(element.charAt(0)) + element.substring(1);
        StringBuilder attributes = new StringBuilder();
        StringBuilder inputs = new StringBuilder();
        for (JsonNode p : template.get("properties")) {
            String binding = p.get("binding").get("name").asText();
            String value = overrides.getOrDefault(binding, p.path("value").asText("测试"));
            String escaped = value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
            switch (p.get("binding").get("type").asText()) {
                case "property" -> attributes.append(' ').append(binding).append("=\"").append(escaped).append('"');
                case "camunda:inputParameter" -> inputs.append("<camunda:inputParameter name=\"").append(binding)
                        .append("\">").append(escaped).append("</camunda:inputParameter>");
                default -> throw new AssertionError("binding not generated by this test: " + p);
            }
        }
        String extensions = inputs.isEmpty() ? "" : "<bpmn:extensionElements><camunda:inputOutput>" + inputs
                + "</camunda:inputOutput></bpmn:extensionElements>";
        return "<bpmn:" + element + " id=\"" + id + "\" name=\"" + name + "\"" + attributes + ">" + extensions + "FLOWS</bpmn:"
                + element + ">";
    }

    @Test
    void aProcessBuiltFromTheTemplates_deploysAndRuns() throws IOException {
        Map<String, JsonNode> t = templates();
        String key = TestModels.key("Templates");
        String bpmn = linear(key, "模板流程", TTL,
                "camunda:formRef=\"form_landing_application\" camunda:formRefBinding=\"latest\"", List.of(
                        raw("Task_RecordNote", apply(t.get("cn.zhaoshang.recordLedgerEvent"), "Task_RecordNote", "记录台账",
                                Map.of("note", "模板记录 ${projectName}"))),
                        raw("Task_Notify", apply(t.get("cn.zhaoshang.notify"), "Task_Notify", "通知中心",
                                Map.of("subject", "模板通知"))),
                        raw("Task_DetermineTier", apply(t.get("cn.zhaoshang.approvalTier"), "Task_DetermineTier", "判定层级",
                                Map.of())),
                        raw("Task_ReviewByDeputyHead", apply(t.get("cn.zhaoshang.approvalStep"), "Task_ReviewByDeputyHead",
                                "分管副县长审核", Map.of("camunda:dueDate",
                                        "${approvalDeadlines.dueAt('Task_ReviewByDeputyHead')}")))));
        String boundary = "----CamundaModeler" + UUID.randomUUID();
        Response deployed = send(request("/engine-rest/deployment/create", null).header("Authorization", basic("admin", "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(TestModels.multipart(boundary, Map.of("deployment-name", "模板", "deployment-source",
                        "Camunda Modeler"), files("templates.bpmn", bpmn))).build());
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);

        long projectId = negotiatingProject("模板测试有限公司", "模板项目");
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("projectId", projectId);
        variables.put("projectName", "模板项目");
        variables.put("devZone", false);
        variables.put("landRequired", true);
        variables.put("projectCategory", "INDUSTRIAL");
        variables.put("landAreaMu", 40);
        variables.put("caseByCaseSupport", false);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(key, variables);

        assertThat(ledgerEvents.findByProjectId(projectId)).anySatisfy(event -> {
            assertThat(event.eventType()).isEqualTo("NOTE");
            assertThat(event.note()).isEqualTo("模板记录 模板项目");
        });
        assertThat(runtimeService.getVariable(instance.getId(), "tier")).isEqualTo("T2");
        Task step = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(step.getTaskDefinitionKey()).isEqualTo("Task_ReviewByDeputyHead");
        assertThat(step.getDueDate()).isNotNull();
        assertThat(taskService.createTaskQuery().taskId(step.getId()).taskCandidateGroup("deputy-head").count()).isEqualTo(1);
        taskService.complete(step.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();

        // 启动下一流程: the generated task passes every deployment check (it starts a real lifecycle process, so it
        // is run by the lifecycle tests of those delegates, not here)
        for (String choice : List.of("${startLandingApprovalDelegate}", "${startFulfilmentDelegate}")) {
            String next = linear(key + "N", "下一流程", TTL, "", List.of(raw("Task_StartNext",
                    apply(t.get("cn.zhaoshang.startNextProcess"), "Task_StartNext", "启动下一流程",
                            Map.of("camunda:delegateExpression", choice)))));
            String b = "----dry" + UUID.randomUUID();
            Response dry = send(request("/api/admin/deployments/check", null).header("Authorization", basic("admin", "demo"))
                    .header("Content-Type", "multipart/form-data; boundary=" + b)
                    .POST(TestModels.multipart(b, Map.of(), files("next.bpmn", next))).build());
            assertThat(dry.json().get("accepted").asBoolean()).as(dry.body()).isTrue();
        }
    }
}
