package cn.zhaoshang.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment rule on whole resources: what is refused, where (element id, line), and what still deploys. */
class ModelRulesTest {

    final ModelRules rules = new ModelRules(new ExpressionRules(ExpressionRulesTest.BEANS));

    /** A one-task process; {@code task} is the XML of the task element (id Task_Check). */
    static String process(String task) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Check"
                    targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="Process_Check" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Check" />
                    TASK
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Check" targetRef="Task_Check" />
                  </bpmn:process>
                </bpmn:definitions>
                """.replace("TASK", task);
    }

    List<ModelRules.Violation> check(String name, String xml) {
        return rules.check(name, xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aScriptTask_isRefused_namingTheTask() {
        List<ModelRules.Violation> violations = check("evil.bpmn", process("""
                <bpmn:scriptTask id="Task_Check" scriptFormat="javascript">
                  <bpmn:script>java.lang.Runtime.getRuntime().exec("id")</bpmn:script>
                </bpmn:scriptTask>"""));
        assertThat(violations).extracting(ModelRules.Violation::rule).containsExactly("SCRIPT_TASK");
        assertThat(violations.get(0).elementId()).isEqualTo("Task_Check");
        assertThat(violations.get(0).line()).isEqualTo(8);
        assertThat(violations.get(0).describe()).contains("evil.bpmn Task_Check [SCRIPT_TASK]");
    }

    @Test
    void scriptsInListenersMappingsAndConditions_areRefused() {
        assertThat(check("a.bpmn", process("""
                <bpmn:userTask id="Task_Check">
                  <bpmn:extensionElements>
                    <camunda:taskListener event="create">
                      <camunda:script scriptFormat="groovy">'id'.execute()</camunda:script>
                    </camunda:taskListener>
                  </bpmn:extensionElements>
                </bpmn:userTask>"""))).extracting(ModelRules.Violation::rule, ModelRules.Violation::elementId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SCRIPT", "Task_Check"));
        assertThat(check("b.bpmn", process("""
                <bpmn:serviceTask id="Task_Check" camunda:delegateExpression="${sendReminderDelegate}">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start">
                      <camunda:script scriptFormat="juel" resource="deployment://x.juel" />
                    </camunda:executionListener>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>"""))).extracting(ModelRules.Violation::rule).contains("SCRIPT");
        assertThat(check("c.bpmn", process("""
                <bpmn:userTask id="Task_Check" />
                <bpmn:sequenceFlow id="Flow_Script" sourceRef="Task_Check" targetRef="StartEvent_Check">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow>"""))).extracting(ModelRules.Violation::rule, ModelRules.Violation::elementId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SCRIPT", "Flow_Script"));
    }

    @Test
    void expressionsThatReachBeyondTheAllowedBeans_areRefusedWhereverTheyAre() {
        assertThat(check("d.bpmn", process("""
                <bpmn:serviceTask id="Task_Check" camunda:expression="${execution.getProcessEngineServices().getRuntimeService()}" />""")))
                .extracting(ModelRules.Violation::rule).containsExactly("EXPRESSION_MEMBER");
        assertThat(check("e.bpmn", process("""
                <bpmn:userTask id="Task_Check" camunda:assignee="${''.getClass().forName('java.lang.Runtime')}" />""")))
                .extracting(ModelRules.Violation::rule).containsExactly("EXPRESSION_MEMBER");
        assertThat(check("f.bpmn", process("""
                <bpmn:userTask id="Task_Check">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="x">${runtimeService}</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:userTask>"""))).extracting(ModelRules.Violation::rule).containsExactly("EXPRESSION_BEAN");
        assertThat(check("g.bpmn", process("""
                <bpmn:serviceTask id="Task_Check" camunda:class="org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior" />""")))
                .extracting(ModelRules.Violation::rule).containsExactly("JAVA_CLASS");
        assertThat(check("h.bpmn", process("""
                <bpmn:serviceTask id="Task_Check">
                  <bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>
                </bpmn:serviceTask>"""))).extracting(ModelRules.Violation::rule).containsExactly("CONNECTOR");
    }

    @Test
    void documentationIsNotEvaluated_andAHarmlessChangedModelPasses() {
        assertThat(check("ok.bpmn", process("""
                <bpmn:userTask id="Task_Check" name="审核 ${decision}" camunda:candidateGroups="admin"
                    camunda:dueDate="${approvalDeadlines.dueAt('Task_Check')}">
                  <bpmn:documentation>不会执行：${''.getClass()}</bpmn:documentation>
                  <bpmn:extensionElements>
                    <camunda:taskListener event="complete" delegateExpression="${sendReminderDelegate}" />
                  </bpmn:extensionElements>
                </bpmn:userTask>"""))).isEmpty();
    }

    @Test
    void otherResourceTypes_doctypes_andDecisionsInOtherLanguages_areRefused() {
        assertThat(check("form.html", "<script>alert(1)</script>")).extracting(ModelRules.Violation::rule)
                .containsExactly("RESOURCE_TYPE");
        assertThat(check("case.cmmn", "<definitions/>")).extracting(ModelRules.Violation::rule)
                .containsExactly("RESOURCE_TYPE");
        assertThat(check("xxe.bpmn", """
                <?xml version="1.0"?>
                <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&xxe;</bpmn:definitions>"""))
                .extracting(ModelRules.Violation::rule).containsExactly("XML");
        assertThat(check("juel.dmn", """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
                  <decision id="Decision_Juel" name="x">
                    <literalExpression id="LiteralExpression_1" expressionLanguage="juel"><text>${runtimeService}</text></literalExpression>
                  </decision>
                </definitions>""")).extracting(ModelRules.Violation::rule, ModelRules.Violation::elementId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DMN_LANGUAGE", "LiteralExpression_1"));
        assertThat(check("forms.form", "{\"components\":[]}")).isEmpty();
    }

    /** The project's own models keep deploying (with the real beans: see DeploymentSecurityIT). */
    @Test
    void theProjectsOwnDecisionsPass_andItsBpmnHasNoScriptOrForeignClass() throws IOException {
        ModelRules structural = new ModelRules(new ExpressionRules(new ExpressionRules.BeanCatalog() {
            @Override
            public boolean isBean(String name) {
                return false;
            }

            @Override
            public boolean isAllowed(String name) {
                return false;
            }

            @Override
            public boolean allowsMember(String bean, String member) {
                return false;
            }
        }));
        try (Stream<Path> models = Files.list(Path.of("../process-models"))) {
            for (Path model : models.filter(Files::isRegularFile).toList()) {
                List<ModelRules.Violation> violations = structural.check(model.getFileName().toString(),
                        Files.readAllBytes(model));
                // names the test cannot know to be beans count as variables here; member rules still apply to them
                assertThat(violations).as(model.toString())
                        .allSatisfy(v -> assertThat(v.rule()).isEqualTo("EXPRESSION_MEMBER"));
            }
        }
    }
}
