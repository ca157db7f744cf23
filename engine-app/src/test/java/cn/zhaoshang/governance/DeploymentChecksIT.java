package cn.zhaoshang.governance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.security.AuditAction;
import cn.zhaoshang.security.AuditLog;
import cn.zhaoshang.support.AppIT;

import static cn.zhaoshang.governance.TestModels.Step.raw;
import static cn.zhaoshang.governance.TestModels.Step.userTask;
import static cn.zhaoshang.governance.TestModels.TTL;
import static cn.zhaoshang.governance.TestModels.files;
import static cn.zhaoshang.governance.TestModels.linear;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every deployment is checked before it is accepted — sent as Camunda Modeler sends it to
 * {@code /engine-rest/deployment/create} — and refused with a 400 naming every problem (resource, element, kind,
 * message in Chinese and English): one test per kind of problem, one with many problems in two files at once, the
 * dry run that answers the same without deploying, and the shipped models that pass. Test-only process keys, so the
 * other tests still see the shipped models as the latest versions.
 */
class DeploymentChecksIT extends AppIT {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    AuditLog auditLog;

    // ---------------------------------------------------------------------------------------------------------------
    // one kind each

    @Test
    void anUnknownCandidateGroup_isRefused() {
        String key = TestModels.key("Check");
        JsonNode problems = refused(files("groups.bpmn", linear(key, "候选组检查", TTL, "",
                List.of(userTask("Task_Review", "审核", "investment-center"), userTask("Task_Sign", "签批", "no-such-office")))));
        assertOnly(problems, "groups.bpmn", "Task_Sign", ModelChecks.UNKNOWN_GROUP, "no-such-office");
        // a group an administrator created in Camunda Admin counts as known
        if (identityService.createGroupQuery().groupId("governance-test-office").count() == 0) {
            var group = identityService.newGroup("governance-test-office");
            group.setName("治理测试办公室");
            identityService.saveGroup(group);
        }
        accepted(files("groups.bpmn", linear(key, "候选组检查", TTL, "",
                List.of(userTask("Task_Sign", "签批", "governance-test-office")))));
    }

    @Test
    void aFormReferenceThatDoesNotResolve_isRefused() {
        String key = TestModels.key("Check");
        String missing = linear(key, "表单检查", TTL, "", List.of(raw("Task_Fill", "<bpmn:userTask id=\"Task_Fill\" "
                + "name=\"填写\" camunda:formRef=\"form_nowhere\" camunda:candidateGroups=\"admin\">FLOWS</bpmn:userTask>")));
        assertOnly(refused(files("forms.bpmn", missing)), "forms.bpmn", "Task_Fill", ModelChecks.FORM_UNRESOLVED,
                "form_nowhere");
        // binding "deployment": the form must come with the process, even if an older one is deployed
        String sameDeployment = missing.replace("form_nowhere\"", "form_approval_step\" camunda:formRefBinding=\"deployment\"");
        assertOnly(refused(files("forms.bpmn", sameDeployment)), "forms.bpmn", "Task_Fill", ModelChecks.FORM_UNRESOLVED,
                "deployment");
        accepted(files("forms.bpmn", sameDeployment, "approval-step.form", formFile("approval-step.form")));
        // a formKey to a file that is not in the deployment
        assertOnly(refused(files("forms.bpmn", missing.replace("camunda:formRef=\"form_nowhere\"",
                "camunda:formKey=\"camunda-forms:deployment:nowhere.form\""))), "forms.bpmn", "Task_Fill",
                ModelChecks.FORM_UNRESOLVED, "nowhere.form");
    }

    @Test
    void aUserTaskWithoutAForm_isRefused() {
        String key = TestModels.key("Check");
        assertOnly(refused(files("noform.bpmn", linear(key, "无表单", TTL, "", List.of(raw("Task_Bare",
                "<bpmn:userTask id=\"Task_Bare\" name=\"无表单任务\" camunda:candidateGroups=\"admin\">FLOWS</bpmn:userTask>"))))),
                "noform.bpmn", "Task_Bare", ModelChecks.NO_FORM, "没有表单");
    }

    @Test
    void aDelegateExpressionNamingNoBean_isRefused() {
        String key = TestModels.key("Check");
        assertOnly(refused(files("bean.bpmn", linear(key, "委托检查", TTL, "", List.of(raw("Task_Record",
                "<bpmn:serviceTask id=\"Task_Record\" name=\"记录\" camunda:delegateExpression=\"${recordNothingDelegate}\">"
                        + "FLOWS</bpmn:serviceTask>"))))), "bean.bpmn", "Task_Record", ModelChecks.UNKNOWN_BEAN,
                "recordNothingDelegate");
        // an existing delegate is fine
        accepted(files("bean.bpmn", linear(key, "委托检查", TTL, "", List.of(raw("Task_Record",
                "<bpmn:serviceTask id=\"Task_Record\" name=\"记录\" camunda:delegateExpression=\"${recordLedgerEventDelegate}\">"
                        + "<bpmn:extensionElements><camunda:inputOutput>"
                        + "<camunda:inputParameter name=\"eventType\">NOTE</camunda:inputParameter>"
                        + "<camunda:inputParameter name=\"note\">检查</camunda:inputParameter>"
                        + "</camunda:inputOutput></bpmn:extensionElements>FLOWS</bpmn:serviceTask>")))));
    }

    @Test
    void decisionInputsTheProcessDoesNotProvide_areRefused() {
        String key = TestModels.key("Check");
        String tier = "<bpmn:businessRuleTask id=\"Task_Tier\" name=\"判定层级\" camunda:decisionRef=\"ApprovalTier\" "
                + "camunda:resultVariable=\"tier\" camunda:mapDecisionResult=\"singleEntry\">FLOWS</bpmn:businessRuleTask>";
        JsonNode problems = refused(files("dmn.bpmn", linear(key, "决策输入", TTL, "", List.of(raw("Task_Tier", tier)))));
        assertThat(kinds(problems)).containsOnly(ModelChecks.DMN_INPUT);
        assertThat(problems).extracting(p -> p.get("message").asText())
                .anySatisfy(m -> assertThat(m).contains("landAreaMu"))
                .anySatisfy(m -> assertThat(m).contains("caseByCaseSupport"))
                .noneSatisfy(m -> assertThat(m).contains("landAreaTier"));
        // the landing application's start form sets every input: accepted
        accepted(files("dmn.bpmn", linear(key, "决策输入", TTL,
                "", List.of(raw("Task_Tier", tier))).replace("name=\"开始\" ",
                "name=\"开始\" camunda:formRef=\"form_landing_application\" camunda:formRefBinding=\"latest\"")));

        // a new version of the decision alone that reads a variable Process_LandingApproval does not set
        String dmn = read(Path.of("../process-models/ApprovalTier.dmn"));
        String changed = dmn.replace("<text>caseByCaseSupport = true</text>",
                "<text>caseByCaseSupport = true and registeredCapitalWan &gt; 0</text>");
        assertThat(changed).isNotEqualTo(dmn);
        JsonNode dmnProblems = refused(files("ApprovalTier.dmn", changed));
        // every deployed caller is named (this test's own process above too); only the new input is missing
        for (JsonNode problem : dmnProblems) {
            assertThat(problem.get("kind").asText()).isEqualTo(ModelChecks.DMN_INPUT);
            assertThat(problem.get("elementId").asText()).isEqualTo("ApprovalTier");
            assertThat(problem.get("message").asText()).contains("registeredCapitalWan");
        }
        assertThat(dmnProblems).extracting(p -> p.get("message").asText()).anySatisfy(m -> assertThat(m)
                .contains(LandingApproval.PROCESS_KEY, "Task_DetermineTier"));
    }

    @Test
    void aMissingHistoryTimeToLive_isRefused() {
        String key = TestModels.key("Check");
        assertOnly(refused(files("ttl.bpmn", linear(key, "保留期限", "", "", List.of(userTask("Task_Sign", "签批", "admin"))))),
                "ttl.bpmn", key, ModelChecks.NO_TTL, "historyTimeToLive");
    }

    /** A new version of Process_LandingApproval that drops an id the Java code names (a step renamed in Modeler). */
    @Test
    void anIdTheCodeNames_mustStayInTheNewVersion() throws IOException {
        ProcessDefinition current = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(LandingApproval.PROCESS_KEY).latestVersion().singleResult();
        String bpmn = read(Path.of("../process-models/LandingApproval.bpmn"));
        String renamed = bpmn.replace(LandingApproval.Step.APPROVE_BY_COUNTY_HEAD, "Task_CountyHeadSigns");
        JsonNode problems = refused(withForms(current.getResourceName(), renamed));
        assertOnly(problems, current.getResourceName(), LandingApproval.Step.APPROVE_BY_COUNTY_HEAD,
                ModelChecks.REFERENCED_ID, "LandingApproval");
        // the process key changed in the same file
        String rekeyed = bpmn.replace("\"" + LandingApproval.PROCESS_KEY + "\"", "\"Process_LandingApprovalNew\"");
        assertOnly(refused(withForms(current.getResourceName(), rekeyed)), current.getResourceName(),
                LandingApproval.PROCESS_KEY, ModelChecks.REFERENCED_ID, "Process_LandingApprovalNew".substring(0, 8));
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(LandingApproval.PROCESS_KEY)
                .latestVersion().singleResult().getId()).isEqualTo(current.getId());
    }

    @Test
    void aScript_isStillRefused() {
        String key = TestModels.key("Check");
        assertOnly(refused(files("script.bpmn", linear(key, "脚本", TTL, "", List.of(raw("Task_Script",
                "<bpmn:scriptTask id=\"Task_Script\" name=\"脚本\" scriptFormat=\"javascript\">FLOWS"
                        + "<bpmn:script>1</bpmn:script></bpmn:scriptTask>"))))), "script.bpmn", "Task_Script",
                "SCRIPT_TASK", "脚本");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // all at once, and the dry run

    static Map<String, byte[]> manyProblems(String key) {
        String first = linear(key, "多个问题", "", "", List.of(
                raw("Task_Script", "<bpmn:scriptTask id=\"Task_Script\" name=\"脚本\" scriptFormat=\"groovy\">FLOWS"
                        + "<bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>"),
                raw("Task_Bare", "<bpmn:userTask id=\"Task_Bare\" name=\"无表单\" camunda:candidateGroups=\"nobody-here\">"
                        + "FLOWS</bpmn:userTask>"),
                raw("Task_Record", "<bpmn:serviceTask id=\"Task_Record\" name=\"记录\" "
                        + "camunda:delegateExpression=\"${ghostDelegate}\">FLOWS</bpmn:serviceTask>"),
                raw("Task_Tier", "<bpmn:businessRuleTask id=\"Task_Tier\" name=\"层级\" camunda:decisionRef=\"MajorProject\">"
                        + "FLOWS</bpmn:businessRuleTask>")));
        String second = linear(key + "B", "第二个文件", TTL, "", List.of(raw("Task_Fill", "<bpmn:userTask id=\"Task_Fill\" "
                + "name=\"填写\" camunda:formRef=\"form_ghost\" camunda:candidateGroups=\"admin\">FLOWS</bpmn:userTask>")));
        return files("many.bpmn", first, "second.bpmn", second);
    }

    @Test
    void severalProblems_areAllReportedAtOnce() {
        String key = TestModels.key("Many");
        String name = "many-" + UUID.randomUUID();
        Response response = deploy("admin", name, manyProblems(key));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.get("type").asText()).isEqualTo("ParseException");
        assertThat(body.get("message").asText()).contains("未通过部署安全检查", "failed the deployment security check");
        JsonNode problems = body.get("problems");
        assertThat(kinds(problems)).contains("SCRIPT_TASK", ModelChecks.NO_TTL, ModelChecks.NO_FORM,
                ModelChecks.UNKNOWN_GROUP, ModelChecks.UNKNOWN_BEAN, ModelChecks.DMN_INPUT, ModelChecks.FORM_UNRESOLVED);
        assertThat(problems).extracting(p -> p.get("resource").asText()).contains("many.bpmn", "second.bpmn");
        for (JsonNode p : problems) {
            assertThat(p.get("message").asText()).as("Chinese and English").matches("(?s).*[\\u4e00-\\u9fa5].*")
                    .matches("(?s).*[A-Za-z]{4,}.*");
        }
        // Camunda Modeler's view: one report per file
        assertThat(body.get("details").has("many.bpmn")).isTrue();
        assertThat(body.get("details").has("second.bpmn")).isTrue();
        assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
        assertThat(auditLog.search(null, null, "admin", AuditAction.DEPLOYMENT_REFUSED.name(), 0, 50))
                .anySatisfy(entry -> assertThat(entry.target()).isEqualTo(name));
    }

    @Test
    void theDryRun_reportsTheSameWithoutDeploying() {
        String key = TestModels.key("Many");
        Map<String, byte[]> files = manyProblems(key);
        Response deployed = deploy("admin", "dry-" + key, files);
        Response dry = dryRun("admin", files);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().get("accepted").asBoolean()).isFalse();
        assertThat(normalized(dry.json().get("problems"))).isEqualTo(normalized(deployed.json().get("problems")))
                .isNotEmpty();
        assertThat(dry.json().get("message").asText()).contains("部署时会被拒绝", "would be refused");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();

        Response good = dryRun("admin", files("good.bpmn", linear(key, "可以部署", TTL, "",
                List.of(userTask("Task_Sign", "签批", "county-head")))));
        assertThat(good.json().get("accepted").asBoolean()).as(good.body()).isTrue();
        assertThat(good.json().get("problems")).isEmpty();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();

        for (String user : List.of("reporter", "center", "deputy")) {
            assertThat(dryRun(user, files).status()).as(user).isEqualTo(403);
        }
    }

    /** The shipped models and forms pass all checks together, as the app deploys them at start-up. */
    @Test
    void theShippedModels_passEveryCheck() throws IOException {
        List<Object> all = new ArrayList<>();
        for (String folder : List.of("../process-models", "../forms")) {
            try (Stream<Path> paths = Files.list(Path.of(folder))) {
                for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                    all.add(p.getFileName().toString());
                    all.add(Files.readAllBytes(p));
                }
            }
        }
        Response dry = dryRun("admin", files(all.toArray()));
        assertThat(dry.json().get("problems")).as(dry.body()).isEmpty();
        assertThat(dry.json().get("resources").size()).isGreaterThanOrEqualTo(30);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Map<String, byte[]> withForms(String resourceName, String bpmn) throws IOException {
        List<Object> all = new ArrayList<>(List.of(resourceName, bpmn));
        try (Stream<Path> forms = Files.list(Path.of("../forms"))) {
            for (Path p : forms.sorted().toList()) {
                all.add(p.getFileName().toString());
                all.add(Files.readAllBytes(p));
            }
        }
        return files(all.toArray());
    }

    private static byte[] formFile(String name) {
        try {
            return Files.readAllBytes(Path.of("../forms", name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> normalized(JsonNode problems) {
        List<String> lines = new ArrayList<>();
        problems.forEach(p -> lines.add(p.path("resource").asText() + "|" + p.path("elementId").asText("") + "|"
                + p.path("kind").asText() + "|" + p.path("message").asText()));
        return lines;
    }

    private static List<String> kinds(JsonNode problems) {
        List<String> kinds = new ArrayList<>();
        problems.forEach(p -> kinds.add(p.get("kind").asText()));
        return kinds;
    }

    private static void assertOnly(JsonNode problems, String resource, String elementId, String kind, String mention) {
        assertThat(problems).as(problems.toString()).hasSize(1);
        JsonNode p = problems.get(0);
        assertThat(p.get("resource").asText()).isEqualTo(resource);
        assertThat(p.get("elementId").asText()).isEqualTo(elementId);
        assertThat(p.get("kind").asText()).isEqualTo(kind);
        assertThat(p.get("message").asText()).contains(mention);
    }

    private JsonNode refused(Map<String, byte[]> files) {
        String name = "refused-" + UUID.randomUUID();
        Response response = deploy("admin", name, files);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
        return response.json().get("problems");
    }

    private void accepted(Map<String, byte[]> files) {
        Response response = deploy("admin", "accepted-" + UUID.randomUUID(), files);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    Response deploy(String user, String name, Map<String, byte[]> files) {
        String boundary = "----CamundaModeler" + UUID.randomUUID();
        return send(request("/engine-rest/deployment/create", null).header("Authorization", basic(user, "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(TestModels.multipart(boundary, Map.of("deployment-name", name, "deployment-source",
                        "Camunda Modeler", "deploy-changed-only", "false"), files)).build());
    }

    Response dryRun(String user, Map<String, byte[]> files) {
        String boundary = "----dryrun" + UUID.randomUUID();
        return send(request("/api/admin/deployments/check", null).header("Authorization", basic(user, "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(TestModels.multipart(boundary, Map.of("deployment-name", "dry run"), files)).build());
    }
}
