package cn.zhaoshang.appeal;

import cn.zhaoshang.support.ProcessModelTestSupport;
import static cn.zhaoshang.appeal.EnterpriseAppeal.Step.ACCEPT;
import static cn.zhaoshang.appeal.EnterpriseAppeal.Step.HANDLE;
import static cn.zhaoshang.appeal.EnterpriseAppeal.Step.SUPERVISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.appeal.EnterpriseAppeal.Bean;
import cn.zhaoshang.appeal.EnterpriseAppeal.Form;
import cn.zhaoshang.appeal.EnterpriseAppeal.Var;
import cn.zhaoshang.system.Groups;

/**
 * Every path of process-models/EnterpriseAppeal.bpmn (企业诉求 / 投诉; tongcheng §22 受理、交办、督办、反馈, chenzhou §15
 * answer within 7 working days): accepted, assigned, handled and answered; not accepted and answered with the reason;
 * not answered in time, escalated to the supervision office while the department can still answer. Service tasks and
 * listeners are mocked by bean name; the class must cover the whole model.
 */
@Deployment(resources = {
        "process-models/EnterpriseAppeal.bpmn",
        "forms/appeal-submit.form",
        "forms/appeal-accept.form",
        "forms/appeal-handle.form",
        "forms/appeal-supervise.form"})
class EnterpriseAppealProcessTest extends ProcessModelTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = everyPathCovered();

    // element ids that are not user tasks (the user tasks are in EnterpriseAppeal.Step)
    static final String START = "StartEvent_AppealSubmitted";
    static final String REGISTER = "Task_RegisterAppeal";
    static final String GATEWAY_ACCEPTED = "Gateway_AppealAccepted";
    static final String ANSWER = "Task_AnswerAppeal";
    static final String ANSWERED = "EndEvent_AppealAnswered";
    static final String OVERDUE = "Timer_AppealOverdue";
    static final String ESCALATE = "Task_EscalateAppeal";
    static final String SUPERVISED = "EndEvent_AppealSupervised";

    static final long APPEAL_ID = 501L;
    static final String BUSINESS_KEY = String.valueOf(APPEAL_ID);
    /** a Monday. */
    static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z");
    /** 7 working days from a Monday: the Wednesday of the next week. */
    static final Duration ANSWER_DUE = Duration.ofDays(9);
    /** what the register step sets for an appeal received at {@link #NOW} (the real one counts working days). */
    static final Date DUE_AT = Date.from(NOW.plus(ANSWER_DUE));
    static final String CONTENT = "厂区门前道路施工三个月未完工，原料车辆无法进出，请协调尽快恢复通行。";

    JavaDelegate registerAppeal = mock(JavaDelegate.class);
    JavaDelegate escalateAppeal = mock(JavaDelegate.class);
    JavaDelegate answerAppeal = mock(JavaDelegate.class);
    TaskListener recordAppealStep = mock(TaskListener.class);
    TaskListener recordSupervision = mock(TaskListener.class);

    /** "step decision opinion answer" as recordAppealStepListener saw them on complete. */
    List<String> stepsRecorded = new ArrayList<>();
    /** "decision opinion answer" as answerAppealDelegate saw them. */
    List<String> answered = new ArrayList<>();
    /** "matter / opinion / appeal / project" as recordSupervisionListener saw them on complete. */
    List<String> supervisionsRecorded = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        ClockUtil.setCurrentTime(Date.from(NOW));

        // the real delegate stores the appeal, makes its id the business key and fixes the answer deadline from the
        // engine clock at receipt
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable(Var.APPEAL_ID, APPEAL_ID);
            execution.setProcessBusinessKey(BUSINESS_KEY);
            execution.setVariable(Var.ANSWER_DUE_AT, Date.from(ClockUtil.getCurrentTime().toInstant().plus(ANSWER_DUE)));
            return null;
        }).when(registerAppeal).execute(any(DelegateExecution.class));
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            stepsRecorded.add(task.getTaskDefinitionKey() + " " + task.getVariable(Var.DECISION) + " "
                    + task.getVariable(Var.OPINION) + " " + task.getVariable(Var.ANSWER));
            return null;
        }).when(recordAppealStep).notify(any(DelegateTask.class));
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            answered.add(execution.getVariable(Var.DECISION) + " " + execution.getVariable(Var.OPINION) + " "
                    + execution.getVariable(Var.ANSWER));
            return null;
        }).when(answerAppeal).execute(any(DelegateExecution.class));

        // the real escalation says what the supervision office is to supervise
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable(Var.SUPERVISED_MATTER, "企业诉求 #" + APPEAL_ID + " 已过答复期限仍未答复");
            return null;
        }).when(escalateAppeal).execute(any(DelegateExecution.class));
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            supervisionsRecorded.add(task.getVariable(Var.SUPERVISED_MATTER) + " / " + task.getVariable(Var.OPINION)
                    + " / appeal " + task.getVariable(Var.APPEAL_ID) + " / project " + task.getVariable(Var.PROJECT_ID));
            return null;
        }).when(recordSupervision).notify(any(DelegateTask.class));

        Mocks.register(Bean.REGISTER_APPEAL, registerAppeal);
        Mocks.register(Bean.RECORD_SUPERVISION, recordSupervision);
        Mocks.register(Bean.RECORD_APPEAL_STEP, recordAppealStep);
        Mocks.register(Bean.ESCALATE_APPEAL, escalateAppeal);
        Mocks.register(Bean.ANSWER_APPEAL, answerAppeal);
    }

    // ------------------------------------------------------------------ 受理、交办、反馈 (tongcheng §22)

    @Test
    @DisplayName("appeal submitted → registered → accepted and assigned to the environment bureau → handled in time → "
            + "answered")
    void acceptedHandledAnswered() throws Exception {
        ProcessInstance appeal = submit();
        assertThat(appeal).hasPassedInOrder(START, REGISTER).isWaitingAt(ACCEPT).hasBusinessKey(BUSINESS_KEY)
                .variables().containsEntry(Var.APPEAL_ID, APPEAL_ID).containsEntry(Var.CONTENT, CONTENT);

        accept(appeal, "ACCEPT", Groups.DEPT_ENV, "请生态环境分局3日内现场核实");

        assertThat(appeal).hasPassedInOrder(ACCEPT, GATEWAY_ACCEPTED).isWaitingAt(HANDLE);
        handle(appeal, "已协调施工单位，3月10日恢复通行");

        assertThat(appeal).isEnded().hasPassedInOrder(START, REGISTER, ACCEPT, GATEWAY_ACCEPTED, HANDLE, ANSWER, ANSWERED)
                .hasNotPassed(OVERDUE, ESCALATE, SUPERVISE);
        assertThat(stepsRecorded).containsExactly(
                ACCEPT + " ACCEPT 请生态环境分局3日内现场核实 null",
                HANDLE + " ACCEPT 请生态环境分局3日内现场核实 已协调施工单位，3月10日恢复通行");
        assertThat(answered).containsExactly("ACCEPT 请生态环境分局3日内现场核实 已协调施工单位，3月10日恢复通行");
        assertThat(userTasksOf(appeal)).containsExactly(ACCEPT, HANDLE);
        verify(registerAppeal).execute(any(DelegateExecution.class));
        assertThat(managementService.createJobQuery().processInstanceId(appeal.getId()).count())
                .as("the overdue timer is gone with the task").isZero();
        verifyNoInteractions(escalateAppeal);
    }

    @Test
    @DisplayName("Acceptance (受理) is a task of the investment center; its form shows what the enterprise wrote and "
            + "starts with an empty opinion")
    void acceptTask() throws IOException {
        ProcessInstance appeal = submit();

        Task task = openTask(appeal, ACCEPT);
        assertThat(task).hasCandidateGroup(Groups.INVESTMENT_CENTER).isNotAssigned();
        assertDeployedForm(task, Form.ACCEPT);
        VariableMap form = engine.getFormService().getTaskFormVariables(task.getId());
        assertThat(form.get(Var.CONTENT)).isEqualTo(CONTENT);
        assertThat(form.get(Var.SUBJECT)).isEqualTo("道路施工影响企业生产");
        assertThat(form.get(Var.OPINION)).as("the center's own opinion starts empty").isNull();
    }

    @Test
    @DisplayName("The start form is the appeal submit form from the same deployment")
    void startForm() throws IOException {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(EnterpriseAppeal.PROCESS_KEY).singleResult().getId();
        try (InputStream form = engine.getFormService().getDeployedStartForm(definitionId)) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"" + Form.SUBMIT + "\"");
        }
    }

    @Test
    @DisplayName("Handling (办理并答复) is a task of the assigned department, due in 7 working days, with the handling "
            + "form showing the appeal and the center's instruction")
    void handleTask() throws IOException {
        ProcessInstance appeal = submit();
        accept(appeal, "ACCEPT", Groups.CARRIER, "请落户载体协调");

        Task task = openTask(appeal, HANDLE);
        assertThat(task).hasCandidateGroup(Groups.CARRIER).isNotAssigned().hasDueDate(DUE_AT);
        assertDeployedForm(task, Form.HANDLE);
        VariableMap form = engine.getFormService().getTaskFormVariables(task.getId());
        assertThat(form.get(Var.CONTENT)).isEqualTo(CONTENT);
        assertThat(form.get(Var.OPINION)).isEqualTo("请落户载体协调");
        assertThat(form.get(Var.ANSWER)).isNull();
        Job overdue = overdueTimer(appeal);
        assertThat(overdue.getDuedate()).as("the same time as the task's due date").isEqualTo(task.getDueDate());
    }

    @Test
    @DisplayName("The 7 working days run from receipt (chenzhou §15): accepted 4 days later, the handling task and the "
            + "overdue timer keep the deadline fixed at registration")
    void deadlineFromReceiptNotFromAcceptance() {
        ProcessInstance appeal = submit();
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(4))));

        accept(appeal, "ACCEPT", Groups.DEPT_ENV, "请生态环境分局核实");

        assertThat(runtimeService.getVariable(appeal.getId(), Var.ANSWER_DUE_AT)).isEqualTo(DUE_AT);
        assertThat(openTask(appeal, HANDLE).getDueDate()).isEqualTo(DUE_AT);
        assertThat(overdueTimer(appeal).getDuedate()).isEqualTo(DUE_AT);
        ClockUtil.setCurrentTime(Date.from(NOW.plus(ANSWER_DUE).minusSeconds(1)));
        assertThat(managementService.createJobQuery().processInstanceId(appeal.getId()).executable().count())
                .as("not overdue before the registration-time deadline").isZero();
        ClockUtil.setCurrentTime(Date.from(NOW.plus(ANSWER_DUE).plusSeconds(1)));
        assertThat(managementService.createJobQuery().processInstanceId(appeal.getId()).executable().count())
                .as("overdue right after it, although acceptance took 4 of the days").isEqualTo(1);
    }

    @Test
    @DisplayName("appeal submitted → accepted only after the deadline has passed → escalated to supervision at once")
    void acceptedAfterTheDeadlineEscalatesAtOnce() {
        ProcessInstance appeal = submit();
        ClockUtil.setCurrentTime(Date.from(NOW.plus(ANSWER_DUE).plus(Duration.ofDays(1))));

        accept(appeal, "ACCEPT", Groups.DEPT_DRC, "请发改局尽快答复");

        Job overdue = overdueTimer(appeal);
        assertThat(overdue.getDuedate()).isEqualTo(DUE_AT);
        assertThat(managementService.createJobQuery().processInstanceId(appeal.getId()).executable().singleResult()
                .getId()).isEqualTo(overdue.getId());
        managementService.executeJob(overdue.getId());
        assertThat(appeal).isWaitingAt(HANDLE, SUPERVISE).hasPassedInOrder(ACCEPT, OVERDUE, ESCALATE);
    }

    @Test
    @DisplayName("appeal submitted → not accepted (不予受理) → the reason is answered to the enterprise")
    void rejectedAnswered() throws Exception {
        ProcessInstance appeal = submit();

        accept(appeal, "REJECT", null, "属司法诉讼事项，不属于受理范围，请依法通过诉讼途径解决");

        assertThat(appeal).isEnded().hasPassedInOrder(REGISTER, ACCEPT, GATEWAY_ACCEPTED, ANSWER, ANSWERED)
                .hasNotPassed(HANDLE, ESCALATE, SUPERVISE);
        assertThat(answered).containsExactly("REJECT 属司法诉讼事项，不属于受理范围，请依法通过诉讼途径解决 null");
        verify(recordAppealStep, times(1)).notify(any(DelegateTask.class));
        verifyNoInteractions(escalateAppeal);
    }

    // ------------------------------------------------------------------ 督办 (tongcheng §22, chenzhou §15)

    @Test
    @DisplayName("appeal accepted → no answer in 7 working days → escalated to the supervision office once → supervised "
            + "(督办) → the department still answers → answered")
    void overdueEscalatedThenAnswered() throws Exception {
        ProcessInstance appeal = submit();
        accept(appeal, "ACCEPT", Groups.DEPT_NR, "请自然资源和规划局答复用地指标问题");
        Task handle = openTask(appeal, HANDLE);
        Job overdue = overdueTimer(appeal);
        assertThat(managementService.createJobQuery().processInstanceId(appeal.getId()).executable().count()).isZero();

        ClockUtil.setCurrentTime(Date.from(NOW.plus(ANSWER_DUE).plusSeconds(60)));
        managementService.executeJob(overdue.getId());

        assertThat(appeal).hasPassedInOrder(ACCEPT, OVERDUE, ESCALATE).isWaitingAt(HANDLE, SUPERVISE);
        verify(escalateAppeal, times(1)).execute(any(DelegateExecution.class));
        assertThat(openTask(appeal, HANDLE).getId()).as("the same handling task is still open").isEqualTo(handle.getId());
        assertThat(managementService.createJobQuery().processInstanceId(appeal.getId()).count()).as("fires once")
                .isZero();
        Task supervise = openTask(appeal, SUPERVISE);
        assertThat(supervise).hasCandidateGroup(Groups.SUPERVISION).isNotAssigned();
        assertDeployedForm(supervise, Form.SUPERVISE);
        VariableMap form = engine.getFormService().getTaskFormVariables(supervise.getId());
        assertThat(form.get(Var.CONTENT)).isEqualTo(CONTENT);
        assertThat(form.get(Var.ASSIGNED_GROUP)).isEqualTo(Groups.DEPT_NR);
        assertThat(form.get(Var.OPINION)).as("the supervision office's own opinion starts empty").isNull();
        assertThat(form.get(Var.SUPERVISED_MATTER)).isEqualTo("企业诉求 #" + APPEAL_ID + " 已过答复期限仍未答复");

        verifyNoInteractions(recordSupervision);
        taskService.complete(supervise.getId(), Variables.createVariables()
                .putValue(Var.OPINION, "限3个工作日内答复，逾期通报"));
        assertThat(appeal).hasPassed(SUPERVISE, SUPERVISED).isWaitingAt(HANDLE);
        assertThat(supervisionsRecorded).as("the 督办意见 goes to the ledger of the appeal and its project")
                .containsExactly("企业诉求 #" + APPEAL_ID + " 已过答复期限仍未答复 / 限3个工作日内答复，逾期通报 / appeal "
                        + APPEAL_ID + " / project 3107");

        handle(appeal, "已安排2025年度用地指标");

        assertThat(appeal).isEnded().hasPassedInOrder(OVERDUE, ESCALATE, SUPERVISE, SUPERVISED)
                .hasPassedInOrder(ACCEPT, HANDLE, ANSWER, ANSWERED);
        assertThat(answered).hasSize(1);
        assertThat(answered.get(0)).endsWith(" 已安排2025年度用地指标");
        assertThat(userTasksOf(appeal)).containsExactly(ACCEPT, HANDLE, SUPERVISE);
    }

    @Test
    @DisplayName("appeal accepted → overdue → escalated → the department answers before the supervision office has "
            + "signed: the enterprise is answered, the supervision task stays until it is signed")
    void answeredWhileSupervised() throws Exception {
        ProcessInstance appeal = submit();
        accept(appeal, "ACCEPT", Groups.DEPT_DRC, "请发改局答复");
        ClockUtil.setCurrentTime(Date.from(NOW.plus(ANSWER_DUE).plusSeconds(60)));
        managementService.executeJob(overdueTimer(appeal).getId());

        handle(appeal, "已纳入重点项目库");

        assertThat(appeal).hasPassedInOrder(HANDLE, ANSWER, ANSWERED).isWaitingAt(SUPERVISE);
        verify(answerAppeal).execute(any(DelegateExecution.class));
        taskService.complete(openTask(appeal, SUPERVISE).getId(), Variables.createVariables()
                .putValue(Var.OPINION, "已答复，予以通报提醒"));
        assertThat(appeal).isEnded().hasPassed(SUPERVISED);
        assertThat(supervisionsRecorded).hasSize(1);
        assertThat(supervisionsRecorded.get(0)).contains("已答复，予以通报提醒");
    }

    @Test
    @DisplayName("The departments an appeal can be assigned to (交办部门) are role groups that exist")
    void assignableGroupsExist() throws IOException {
        Set<String> offered = new TreeSet<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("forms/appeal-accept.form")) {
            for (JsonNode component : new ObjectMapper().readTree(in).path("components")) {
                if (Var.ASSIGNED_GROUP.equals(component.path("key").asText(null))) {
                    component.path("values").forEach(v -> offered.add(v.path("value").asText()));
                }
            }
        }
        assertThat(offered).containsExactlyInAnyOrder(Groups.DEPT_DRC, Groups.DEPT_ENV, Groups.DEPT_EMERGENCY,
                Groups.DEPT_NR, Groups.CARRIER);
        assertThat(Groups.ALL).containsKeys(offered.toArray(String[]::new));
    }

    // ------------------------------------------------------------------ the appeal and its steps

    /** What the submit form sends (chenzhou §15: an investor's complaint). */
    static Map<String, Object> complaint() {
        Map<String, Object> appeal = new LinkedHashMap<>();
        appeal.put(Var.KIND, "COMPLAINT");
        appeal.put(Var.COMPANY_NAME, "磐安中药材加工有限公司");
        appeal.put(Var.PROJECT_ID, 3107L);
        appeal.put(Var.SUBJECT, "道路施工影响企业生产");
        appeal.put(Var.OPINION, CONTENT);
        return appeal;
    }

    ProcessInstance submit() {
        return runtimeService.startProcessInstanceByKey(EnterpriseAppeal.PROCESS_KEY, complaint());
    }

    void accept(ProcessInstance appeal, String decision, String group, String opinion) {
        assertThat(appeal).isWaitingAt(ACCEPT);
        taskService.complete(openTask(appeal, ACCEPT).getId(), Variables.createVariables()
                .putValue(Var.DECISION, decision).putValue(Var.ASSIGNED_GROUP, group).putValue(Var.OPINION, opinion));
    }

    void handle(ProcessInstance appeal, String answer) {
        taskService.complete(openTask(appeal, HANDLE).getId(), Variables.createVariables()
                .putValue(Var.ANSWER, answer));
    }

    Task openTask(ProcessInstance appeal, String step) {
        return taskService.createTaskQuery().processInstanceId(appeal.getId()).taskDefinitionKey(step).singleResult();
    }

    Job overdueTimer(ProcessInstance appeal) {
        return managementService.createJobQuery().processInstanceId(appeal.getId()).timers().activityId(OVERDUE)
                .singleResult();
    }
}
