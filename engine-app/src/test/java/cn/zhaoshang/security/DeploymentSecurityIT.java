package cn.zhaoshang.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.support.AppIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deploying a model is running code: only administrators deploy, and a model with a script or an expression that
 * reaches beyond the allowed beans is refused at deployment — through {@code /engine-rest/deployment/create} as
 * Camunda Modeler sends it — with a 400 naming the resource, the element and the rule, audited as refused. A
 * harmless changed model deploys, and so do all of the project's own models.
 */
class DeploymentSecurityIT extends AppIT {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ModelBeans modelBeans;
    @Autowired
    AuditLog auditLog;
    @Autowired
    ProcessEngineConfiguration engineConfiguration;

    static final String EVIL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Evil"
                targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="Process_Evil" isExecutable="true" camunda:historyTimeToLive="30">
                PROCESS_EXTENSIONS
                <bpmn:startEvent id="StartEvent_Evil"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
                TASK
                <bpmn:endEvent id="EndEvent_Evil"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Evil" targetRef="Task_Evil" />
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Evil" targetRef="EndEvent_Evil" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    static String evil(String task) {
        return EVIL.replace("PROCESS_EXTENSIONS", "").replace("TASK", task);
    }

    @Test
    void onlyAdministratorsDeploy() throws IOException {
        for (String user : List.of("reporter", "deputy", "center", "supervisor")) {
            Response response = deploy(user, "by-" + user, "check.bpmn", modelerCheck("非管理员"));
            assertThat(response.status()).as(user).isEqualTo(403);
            assertThat(repositoryService.createDeploymentQuery().deploymentName("by-" + user).count()).isZero();
        }
    }

    @Test
    void aScriptTask_isRefused_namingTheElementAndTheRule() {
        assertRefused(evil("""
                <bpmn:scriptTask id="Task_Evil" scriptFormat="javascript">
                  <bpmn:script>java.lang.Runtime.getRuntime().exec("id")</bpmn:script>
                </bpmn:scriptTask>"""), "Task_Evil", "SCRIPT_TASK");
    }

    @Test
    void scriptListeners_areRefused_onTasksAndOnTheProcess() {
        assertRefused(evil("""
                <bpmn:userTask id="Task_Evil" camunda:candidateGroups="admin">
                  <bpmn:extensionElements>
                    <camunda:taskListener event="create"><camunda:script scriptFormat="juel">${''.getClass()}</camunda:script></camunda:taskListener>
                  </bpmn:extensionElements>
                </bpmn:userTask>"""), "Task_Evil", "SCRIPT");
        assertRefused(EVIL.replace("PROCESS_EXTENSIONS", """
                <bpmn:extensionElements>
                  <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">'id'.execute()</camunda:script></camunda:executionListener>
                </bpmn:extensionElements>""").replace("TASK", "<bpmn:userTask id=\"Task_Evil\" />"),
                "Process_Evil", "SCRIPT");
    }

    @Test
    void expressionsThatReachTheEngineOrJava_areRefused() {
        assertRefused(evil("""
                <bpmn:serviceTask id="Task_Evil"
                    camunda:expression="${execution.getProcessEngineServices().getIdentityService().createMembership('reporter', 'admin')}" />"""),
                "Task_Evil", "EXPRESSION_MEMBER");
        assertRefused(evil("""
                <bpmn:userTask id="Task_Evil"
                    camunda:assignee="${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}" />"""),
                "Task_Evil", "EXPRESSION_MEMBER");
        assertRefused(evil("""
                <bpmn:serviceTask id="Task_Evil" camunda:delegateExpression="${runtimeService}" />"""),
                "Task_Evil", "EXPRESSION_BEAN");
        assertThat(identityService().createUserQuery().userId("reporter").memberOfGroup("admin").count()).isZero();
    }

    @Test
    void aHarmlessChangedModel_deploys_andIsAudited() throws IOException {
        String bpmn = new String(modelerCheck("安全检查版"), StandardCharsets.UTF_8).replace(
                "camunda:candidateGroups=\"admin\"",
                "camunda:candidateGroups=\"admin\" camunda:dueDate=\"${approvalDeadlines.dueAt('Task_ReviewByDeputyHead')}\"");
        String name = "harmless-" + UUID.randomUUID();
        Response response = deploy("admin", name, "modeler-check.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String deploymentId = response.json().get("id").asText();
        assertThat(auditLog.search(null, null, "admin", AuditAction.DEPLOYMENT_CREATED.name(), 0, 200))
                .anySatisfy(entry -> {
                    assertThat(entry.target()).isEqualTo(deploymentId);
                    assertThat(entry.outcome()).isEqualTo(AuditEntry.SUCCEEDED);
                    assertThat(entry.details()).contains(name).contains("modeler-check.bpmn");
                    assertThat(entry.source()).isEqualTo("POST /engine-rest/deployment/create");
                });
    }

    /** Every model in process-models/ passes the rule with the app's real beans (they are deployed at start-up too). */
    @Test
    void theProjectsOwnModels_allPass() throws IOException {
        ModelRules rules = new ModelRules(new ExpressionRules(modelBeans));
        try (Stream<Path> models = Files.list(Path.of("../process-models"))) {
            List<Path> files = models.filter(Files::isRegularFile).toList();
            assertThat(files).hasSizeGreaterThanOrEqualTo(9);
            for (Path model : files) {
                assertThat(rules.check(model.getFileName().toString(), Files.readAllBytes(model)))
                        .as(model.toString()).isEmpty();
            }
        }
        assertThat(modelBeans.allowedNames()).contains("approvalDeadlines", "reviewDeadlines", "leadDeadlines",
                "meetingSchedule", "recordApprovalListener", "sendReminderDelegate")
                .doesNotContain("runtimeService", "processEngine", "dataSource", "identitySetup", "auditLog");
    }

    /** Even a model deployed before the rule could not reach other beans: the engine resolves only the allowed ones. */
    @Test
    void atRunTime_expressionsResolveOnlyTheAllowedBeans() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engineConfiguration;
        ExpressionManager expressions = configuration.getExpressionManager();
        Object deadlines = configuration.getCommandExecutorTxRequired()
                .execute(context -> expressions.createExpression("${approvalDeadlines}").getValue(null));
        assertThat(deadlines).isNotNull();
        for (String bean : List.of("runtimeService", "dataSource", "processEngine", "auditLog")) {
            assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired()
                    .execute(context -> expressions.createExpression("${" + bean + "}").getValue(null)))
                    .as(bean).isInstanceOf(ProcessEngineException.class).hasMessageContaining("Unknown property");
        }
    }

    private org.camunda.bpm.engine.IdentityService identityService() {
        return ((ProcessEngineConfigurationImpl) engineConfiguration).getIdentityService();
    }

    private void assertRefused(String bpmn, String elementId, String rule) {
        String name = "evil-" + UUID.randomUUID();
        Response response = deploy("admin", name, "evil.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.get("type").asText()).isEqualTo("ParseException");
        assertThat(body.get("message").asText()).contains("未通过部署安全检查").contains("failed the deployment security check")
                .contains(rule);
        JsonNode error = body.get("details").get("evil.bpmn").get("errors").get(0);
        assertThat(error.get("mainElementId").asText()).isEqualTo(elementId);
        assertThat(error.get("message").asText()).startsWith("[" + rule + "]");
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_Evil").count()).isZero();
        assertThat(auditLog.search(null, null, "admin", AuditAction.DEPLOYMENT_REFUSED.name(), 0, 200))
                .anySatisfy(entry -> {
                    assertThat(entry.target()).isEqualTo(name);
                    assertThat(entry.outcome()).isEqualTo(AuditEntry.REFUSED);
                    assertThat(entry.details()).contains(elementId).contains(rule);
                });
    }

    /** As Camunda Modeler sends it: deployment fields and the file as a multipart part. */
    private Response deploy(String user, String deploymentName, String fileName, byte[] content) {
        return postFile("/engine-rest/deployment/create", user, Map.of("deployment-name", deploymentName,
                "deployment-source", "Camunda Modeler", "deploy-changed-only", "false"), fileName, fileName, content);
    }

    private static byte[] modelerCheck(String version) throws IOException {
        try (InputStream in = DeploymentSecurityIT.class.getResourceAsStream("/modeler/modeler-check-v1.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("VERSION", version)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
