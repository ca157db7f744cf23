package cn.zhaoshang.negotiation;

import cn.zhaoshang.support.ProcessModelTestSupport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.negotiation.InspectionNegotiation.Bean;
import cn.zhaoshang.negotiation.InspectionNegotiation.Form;
import cn.zhaoshang.negotiation.InspectionNegotiation.Var;
import cn.zhaoshang.system.Groups;

/**
 * Every path of process-models/InspectionNegotiation.bpmn (panan-2022 §二.4: the task force led by the deputy county
 * head inspects and negotiates, then signs the joint review opinion on the landing approval form): any number of
 * inspections and negotiation rounds, then either the joint opinion that starts the landing approval or the project
 * that did not land. Beans are mocked by name.
 */
@Deployment(resources = {"process-models/InspectionNegotiation.bpmn", "forms/negotiation.form"})
class InspectionNegotiationProcessTest extends ProcessModelTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = everyPathCovered();

    // element ids (the user task is in InspectionNegotiation.Step)
    static final String TRANSFERRED = "StartEvent_ProjectTransferred";
    static final String NEGOTIATE = InspectionNegotiation.Step.NEGOTIATE;
    static final String ENTRY_GATEWAY = "Gateway_NegotiationEntry";
    static final String START_LANDING_APPROVAL = "Task_StartLandingApproval";
    static final String HANDED_TO_LANDING_APPROVAL = "EndEvent_HandedToLandingApproval";
    static final String MARK_NOT_LANDED = "Task_MarkNotLanded";
    static final String NOT_LANDED = "EndEvent_NotLanded";

    static final long PROJECT_ID = 4711L;
    static final String APPROVAL_INSTANCE = "landing-approval-of-4711";

    TaskListener recordNegotiation = mock(TaskListener.class);
    JavaDelegate startLandingApproval = mock(JavaDelegate.class);
    JavaDelegate markNotLanded = mock(JavaDelegate.class);

    /** entry and summary as the listener saw them, one per completed task. */
    final List<Object> entriesRecorded = new ArrayList<>();
    final List<Object> summariesRecorded = new ArrayList<>();
    final List<String> listenerEvents = new ArrayList<>();
    /** process variables as the service task saw them. */
    final Map<String, Object> seenByLandingApproval = new HashMap<>();
    final Map<String, Object> seenByNotLanded = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        Mocks.register(Bean.RECORD_NEGOTIATION, recordNegotiation);
        Mocks.register(Bean.START_LANDING_APPROVAL, startLandingApproval);
        Mocks.register(Bean.MARK_NOT_LANDED, markNotLanded);
        doAnswer(invocation -> {
            DelegateTask task = invocation.getArgument(0);
            listenerEvents.add(task.getEventName());
            entriesRecorded.add(task.getVariable(Var.ENTRY));
            summariesRecorded.add(task.getVariable(Var.SUMMARY));
            return null;
        }).when(recordNegotiation).notify(any(DelegateTask.class));
        doAnswer(invocation -> {
            DelegateExecution execution = invocation.getArgument(0);
            seenByLandingApproval.putAll(execution.getVariables());
            execution.setVariable(Var.APPROVAL_PROCESS_INSTANCE_ID, APPROVAL_INSTANCE);
            return null;
        }).when(startLandingApproval).execute(any(DelegateExecution.class));
        doAnswer(invocation -> {
            DelegateExecution execution = invocation.getArgument(0);
            seenByNotLanded.putAll(execution.getVariables());
            return null;
        }).when(markNotLanded).execute(any(DelegateExecution.class));
    }

    // ------------------------------------------------------------------ paths

    @Test
    @DisplayName("lead VALID → inspection ×2 → negotiation → joint opinion (考察联审意见) → landing approval started")
    void inspectedNegotiatedAndHandedToLandingApproval() throws Exception {
        ProcessInstance project = transferred();

        inspection(project, "2025-04-08", "浙江磐安本草药业有限公司总部", "企业考察组来磐考察新渥工业区块选址");
        inspection(project, "2025-04-22", "新渥工业区块", "实地踏勘地块，企业确认用地约40亩");
        negotiationRound(project, "2025-05-06", "县投资促进中心", "就供地时序、固定资产投资强度和亩均税收达成一致");
        jointOpinion(project, "同意落地，按工业类40亩提交落地审批", industrialApplication(40.0));

        assertThat(project).isEnded().hasPassedInOrder(TRANSFERRED, NEGOTIATE, ENTRY_GATEWAY, START_LANDING_APPROVAL,
                HANDED_TO_LANDING_APPROVAL).hasNotPassed(MARK_NOT_LANDED, NOT_LANDED);
        assertThat(project).variables().containsEntry(Var.APPROVAL_PROCESS_INSTANCE_ID, APPROVAL_INSTANCE)
                .containsEntry(Var.ENTRY, "JOINT_OPINION");
        assertThat(activitiesOf(project)).containsExactly(TRANSFERRED,
                NEGOTIATE, ENTRY_GATEWAY, NEGOTIATE, ENTRY_GATEWAY, NEGOTIATE, ENTRY_GATEWAY, NEGOTIATE, ENTRY_GATEWAY,
                START_LANDING_APPROVAL, HANDED_TO_LANDING_APPROVAL);
        assertThat(entriesRecorded).as("the listener records every entry")
                .containsExactly("INSPECTION", "INSPECTION", "NEGOTIATION", "JOINT_OPINION");
        assertThat(listenerEvents).containsOnly(TaskListener.EVENTNAME_COMPLETE).hasSize(4);
        assertThat(seenByLandingApproval)
                .containsEntry(Var.PROJECT_ID, PROJECT_ID)
                .containsEntry(Var.OPINION, "同意落地，按工业类40亩提交落地审批")
                .containsEntry(LandingApproval.Var.PROJECT_CATEGORY, "INDUSTRIAL")
                .containsEntry(LandingApproval.Var.LAND_REQUIRED, true)
                .containsEntry(LandingApproval.Var.LAND_AREA_MU, 40.0)
                .containsEntry(LandingApproval.Var.CARRIER_UNIT, "新渥街道");
        verify(startLandingApproval).execute(any(DelegateExecution.class));
        verifyNoInteractions(markNotLanded);
    }

    @Test
    @DisplayName("lead VALID → negotiation → project not landed (项目未落地) with its reason → marked not landed")
    void notLanded() throws Exception {
        ProcessInstance project = transferred();

        negotiationRound(project, "2025-04-15", "上海", "企业要求的用地指标和扶持条件超出政策");
        record(project, Map.of(Var.ENTRY, "NOT_LANDED", Var.OPINION, "企业另选址于外省，项目未落地"));

        assertThat(project).isEnded().hasPassedInOrder(NEGOTIATE, ENTRY_GATEWAY, MARK_NOT_LANDED, NOT_LANDED)
                .hasNotPassed(START_LANDING_APPROVAL, HANDED_TO_LANDING_APPROVAL);
        assertThat(seenByNotLanded).containsEntry(Var.OPINION, "企业另选址于外省，项目未落地")
                .containsEntry(Var.PROJECT_ID, PROJECT_ID);
        assertThat(entriesRecorded).containsExactly("NEGOTIATION", "NOT_LANDED");
        verify(markNotLanded).execute(any(DelegateExecution.class));
        verifyNoInteractions(startLandingApproval);
    }

    // ------------------------------------------------------------------ the task

    @Test
    @DisplayName("考察洽谈 is a task of the task force (招引专班) with the negotiation form")
    void taskOfTheTaskForce() throws IOException {
        ProcessInstance project = transferred();

        Task task = taskService.createTaskQuery().processInstanceId(project.getId()).initializeFormKeys()
                .singleResult();

        assertThat(task).hasDefinitionKey(NEGOTIATE).hasCandidateGroup(Groups.TASK_FORCE).isNotAssigned();
        assertThat(task.getCamundaFormRef().getKey()).isEqualTo(Form.NEGOTIATE);
        try (InputStream deployed = engine.getFormService().getDeployedTaskForm(task.getId())) {
            assertThat(new String(deployed.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"" + Form.NEGOTIATE + "\"");
        }
        assertThat(taskService.getVariable(task.getId(), Var.COMPANY_NAME)).isEqualTo("浙江磐安本草药业有限公司");
    }

    @Test
    @DisplayName("after an inspection the next entry starts from an empty form: the last entry is not offered again")
    void everyEntryStartsEmpty() {
        ProcessInstance project = transferred();
        inspection(project, "2025-04-08", "新渥工业区块", "实地踏勘地块");

        String next = task(project).getId();

        assertThat(taskService.getVariable(next, Var.ENTRY)).isNull();
        assertThat(taskService.getVariable(next, Var.SUMMARY)).isNull();
        assertThat(taskService.getVariable(next, Var.HELD_ON)).isNull();
        assertThat(summariesRecorded).containsExactly("实地踏勘地块");
        assertThat(runtimeService.getVariable(project.getId(), Var.ENTRY)).as("the gateway's variable")
                .isEqualTo("INSPECTION");
        assertThat(runtimeService.getVariable(project.getId(), Var.SUMMARY)).as("kept by the listener, not the process")
                .isNull();
    }

    @Test
    @DisplayName("every entry the gateway tests is offered by the required 本次登记 radio of the form, and nothing else")
    void entriesOfferedByTheForm() throws IOException {
        Set<String> tested = new TreeSet<>();
        try (InputStream bpmn = resource("process-models/InspectionNegotiation.bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromStream(bpmn);
            ExclusiveGateway gateway = model.getModelElementById(ENTRY_GATEWAY);
            Pattern condition = Pattern.compile("\\$\\{\\s*entry\\s*==\\s*'([A-Z_]+)'\\s*}");
            for (SequenceFlow branch : gateway.getOutgoing()) {
                Matcher m = condition.matcher(branch.getConditionExpression().getTextContent());
                assertThat(m.matches()).as(branch.getId()).isTrue();
                tested.add(m.group(1));
            }
        }
        JsonNode entry = null;
        try (InputStream form = resource("forms/negotiation.form")) {
            for (JsonNode component : new ObjectMapper().readTree(form).path("components")) {
                if (Var.ENTRY.equals(component.path("key").asText())) {
                    entry = component;
                }
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.path("validate").path("required").asBoolean()).isTrue();
        Set<String> offered = new TreeSet<>();
        entry.path("values").forEach(v -> offered.add(v.path("value").asText()));
        assertThat(offered).isEqualTo(tested)
                .containsExactlyInAnyOrder("INSPECTION", "NEGOTIATION", "JOINT_OPINION", "NOT_LANDED");
    }

    // ------------------------------------------------------------------ helpers

    /** The meeting found the lead VALID; Java starts the negotiation of the new project (business key = project id). */
    ProcessInstance transferred() {
        return runtimeService.startProcessInstanceByKey(InspectionNegotiation.PROCESS_KEY, String.valueOf(PROJECT_ID),
                Variables.createVariables()
                        .putValue(Var.PROJECT_ID, PROJECT_ID)
                        .putValue(Var.LEAD_ID, 41L)
                        .putValue(Var.COMPANY_NAME, "浙江磐安本草药业有限公司")
                        .putValue(Var.PROJECT_NAME, "中药饮片智能化生产线"));
    }

    void inspection(ProcessInstance project, String heldOn, String place, String summary) {
        visitOrRound(project, "INSPECTION", heldOn, place, summary);
    }

    void negotiationRound(ProcessInstance project, String heldOn, String place, String summary) {
        visitOrRound(project, "NEGOTIATION", heldOn, place, summary);
    }

    void visitOrRound(ProcessInstance project, String entry, String heldOn, String place, String summary) {
        record(project, Map.of(Var.ENTRY, entry, Var.HELD_ON, heldOn, Var.PLACE, place,
                Var.PARTICIPANTS, "分管副县长（组长）、新渥街道、县经商局、县自然资源和规划局", Var.SUMMARY, summary));
        assertThat(project).isWaitingAt(NEGOTIATE);
    }

    void jointOpinion(ProcessInstance project, String opinion, Map<String, Object> application) {
        Map<String, Object> entry = new LinkedHashMap<>(application);
        entry.put(Var.ENTRY, "JOINT_OPINION");
        entry.put(Var.OPINION, opinion);
        record(project, entry);
    }

    void record(ProcessInstance project, Map<String, Object> entry) {
        assertThat(project).isWaitingAt(NEGOTIATE);
        taskService.complete(task(project).getId(), entry);
    }

    Task task(ProcessInstance project) {
        return taskService.createTaskQuery().processInstanceId(project.getId()).taskDefinitionKey(NEGOTIATE)
                .singleResult();
    }

    /** The landing application fields of forms/negotiation.form, as in forms/landing-application.form. */
    static Map<String, Object> industrialApplication(double landAreaMu) {
        Map<String, Object> application = new LinkedHashMap<>();
        application.put(LandingApproval.Var.PROJECT_CATEGORY, "INDUSTRIAL");
        application.put(LandingApproval.Var.TOTAL_INVESTMENT_WAN, 32000.0);
        application.put(LandingApproval.Var.LAND_REQUIRED, true);
        application.put(LandingApproval.Var.LAND_AREA_MU, landAreaMu);
        application.put(LandingApproval.Var.CASE_BY_CASE_SUPPORT, false);
        application.put(LandingApproval.Var.DEV_ZONE, false);
        application.put(LandingApproval.Var.CARRIER_UNIT, "新渥街道");
        return application;
    }

    List<String> activitiesOf(ProcessInstance project) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(project.getId())
                .orderPartiallyByOccurrence().asc().list().stream().map(HistoricActivityInstance::getActivityId)
                .toList();
    }

    static InputStream resource(String path) {
        InputStream in = InspectionNegotiationProcessTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }
}
