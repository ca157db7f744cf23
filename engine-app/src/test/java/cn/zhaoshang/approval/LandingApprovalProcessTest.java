package cn.zhaoshang.approval;

import cn.zhaoshang.support.ProcessModelTestSupport;
import static cn.zhaoshang.approval.LandingApproval.Step.APPROVE_BY_COUNTY_HEAD;
import static cn.zhaoshang.approval.LandingApproval.Step.APPROVE_BY_DEPUTY_HEAD;
import static cn.zhaoshang.approval.LandingApproval.Step.APPROVE_BY_DEV_ZONE;
import static cn.zhaoshang.approval.LandingApproval.Step.CONSENT_BY_COUNTY_HEAD;
import static cn.zhaoshang.approval.LandingApproval.Step.DELIBERATE_BY_COUNTY_HEAD_MEETING;
import static cn.zhaoshang.approval.LandingApproval.Step.DELIBERATE_BY_STANDING_COMMITTEE;
import static cn.zhaoshang.approval.LandingApproval.Step.REVIEW_BY_DEPUTY_HEAD;
import static cn.zhaoshang.approval.LandingApproval.Step.REVIEW_BY_LEADING_GROUP;
import static cn.zhaoshang.approval.LandingApproval.Step.REVISE_APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.zhaoshang.approval.LandingApproval.Bean;
import cn.zhaoshang.approval.LandingApproval.Form;
import cn.zhaoshang.approval.LandingApproval.Var;
import cn.zhaoshang.calendar.CalendarMapper;
import cn.zhaoshang.calendar.WorkingCalendar;
import cn.zhaoshang.system.Groups;

/**
 * Every path of process-models/LandingApproval.bpmn (panan-2022 §二.5, §五.1): the four approval chains, reject, return
 * and revise (resubmit or withdraw) at every step, and the non-interrupting reminder (催办) and escalation (督办) of
 * every step. Service tasks and listeners are mocked by bean name; the class must cover the whole model.
 */
@Deployment(resources = {
        "process-models/LandingApproval.bpmn",
        "process-models/ApprovalTier.dmn",
        "forms/landing-application.form",
        "forms/approval-step.form",
        "forms/meeting-deliberation.form",
        "forms/revise-application.form"})
class LandingApprovalProcessTest extends ProcessModelTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = everyPathCovered();

    // element ids that are not user tasks (the user tasks are in LandingApproval.Step)
    static final String START = "StartEvent_ApplicationSubmitted";
    static final String REGISTER = "Task_RegisterApplication";
    static final String DETERMINE_TIER = "Task_DetermineTier";
    static final String RECORD_TIER = "Task_RecordTier";
    static final String MARK_APPROVED = "Task_MarkApproved";
    static final String APPROVED = "EndEvent_ApplicationApproved";
    static final String MARK_REJECTED = "Task_MarkRejected";
    static final String REJECTED = "EndEvent_ApplicationRejected";
    static final String MARK_RETURNED = "Task_MarkReturned";
    static final String MARK_WITHDRAWN = "Task_MarkWithdrawn";
    static final String WITHDRAWN = "EndEvent_ApplicationWithdrawn";
    static final String SEND_REMINDER = "Task_SendReminder";
    static final String REMINDER_SENT = "EndEvent_ReminderSent";
    static final String ESCALATE = "Task_EscalateToSupervision";
    static final String ESCALATED = "EndEvent_Escalated";

    static final String APPLICANT = "wang.carrier";
    static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z");
    /** ApprovalDeadlineProperties defaults: due after 5 days (催办), escalated 3 days later (督办). */
    // NOW is Monday 2025-03-03; with no holidays in the calendar table: 5 working days → Monday 03-10, 8 → Thursday 03-13
    static final Duration DUE = Duration.ofDays(7);
    static final Duration ESCALATION = Duration.ofDays(10);

    /** The chain of approval steps of each tier (DESIGN.md "Approval tiers"). */
    static final Map<String, List<String>> CHAIN = Map.of(
            "T1", List.of(CONSENT_BY_COUNTY_HEAD, APPROVE_BY_DEPUTY_HEAD),
            "T2", List.of(REVIEW_BY_DEPUTY_HEAD, DELIBERATE_BY_COUNTY_HEAD_MEETING, APPROVE_BY_COUNTY_HEAD),
            "T3", List.of(REVIEW_BY_DEPUTY_HEAD, DELIBERATE_BY_COUNTY_HEAD_MEETING, DELIBERATE_BY_STANDING_COMMITTEE,
                    APPROVE_BY_COUNTY_HEAD),
            "DEVZONE", List.of(REVIEW_BY_LEADING_GROUP, APPROVE_BY_DEV_ZONE));

    /** An application that lands in each tier. */
    static final Map<String, Map<String, Object>> APPLICATION_OF_TIER = Map.of(
            "T1", industrial(10.0),
            "T2", industrial(40.0),
            "T3", industrial(80.0),
            "DEVZONE", devZone(30.0));

    /** approval step, the tier used to reach it, its candidate group and its form. */
    static Stream<Arguments> approvalSteps() {
        return Stream.of(
                Arguments.of(CONSENT_BY_COUNTY_HEAD, "T1", Groups.COUNTY_HEAD, Form.APPROVAL_STEP),
                Arguments.of(APPROVE_BY_DEPUTY_HEAD, "T1", Groups.DEPUTY_HEAD, Form.APPROVAL_STEP),
                Arguments.of(REVIEW_BY_DEPUTY_HEAD, "T2", Groups.DEPUTY_HEAD, Form.APPROVAL_STEP),
                Arguments.of(DELIBERATE_BY_COUNTY_HEAD_MEETING, "T2", Groups.COUNTY_HEAD_MEETING, Form.MEETING_DELIBERATION),
                Arguments.of(DELIBERATE_BY_STANDING_COMMITTEE, "T3", Groups.STANDING_COMMITTEE, Form.MEETING_DELIBERATION),
                Arguments.of(APPROVE_BY_COUNTY_HEAD, "T2", Groups.COUNTY_HEAD, Form.APPROVAL_STEP),
                Arguments.of(REVIEW_BY_LEADING_GROUP, "DEVZONE", Groups.LEADING_GROUP, Form.MEETING_DELIBERATION),
                Arguments.of(APPROVE_BY_DEV_ZONE, "DEVZONE", Groups.DEVZONE, Form.APPROVAL_STEP));
    }

    JavaDelegate registerApplication = mock(JavaDelegate.class);
    JavaDelegate recordTier = mock(JavaDelegate.class);
    JavaDelegate markApproved = mock(JavaDelegate.class);
    JavaDelegate markRejected = mock(JavaDelegate.class);
    JavaDelegate markReturned = mock(JavaDelegate.class);
    JavaDelegate markWithdrawn = mock(JavaDelegate.class);
    JavaDelegate sendReminder = mock(JavaDelegate.class);
    JavaDelegate escalateToSupervision = mock(JavaDelegate.class);
    TaskListener recordApproval = mock(TaskListener.class);
    TaskListener applyRevision = mock(TaskListener.class);

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register(Bean.REGISTER_APPLICATION, registerApplication);
        Mocks.register(Bean.RECORD_TIER, recordTier);
        Mocks.register(Bean.MARK_APPROVED, markApproved);
        Mocks.register(Bean.MARK_REJECTED, markRejected);
        Mocks.register(Bean.MARK_RETURNED, markReturned);
        Mocks.register(Bean.MARK_WITHDRAWN, markWithdrawn);
        Mocks.register(Bean.SEND_REMINDER, sendReminder);
        Mocks.register(Bean.ESCALATE_TO_SUPERVISION, escalateToSupervision);
        Mocks.register(Bean.RECORD_APPROVAL_LISTENER, recordApproval);
        Mocks.register(Bean.APPLY_REVISION_LISTENER, applyRevision);
        Mocks.register(Bean.DEADLINES, new ApprovalDeadlines(new ApprovalDeadlineProperties(null, null),
                new WorkingCalendar(mock(CalendarMapper.class))));
    }

    // ------------------------------------------------------------------ Approved all the way

    @Test
    @DisplayName("T1 application (工业 10 亩): county head consents → deputy head approves → approved")
    void tier1() throws Exception {
        ProcessInstance application = submit(industrial(10.0));

        assertThat(application).hasPassedInOrder(START, REGISTER, DETERMINE_TIER, RECORD_TIER)
                .variables().containsEntry(Var.TIER, "T1").containsEntry(Var.APPLICANT, APPLICANT);
        approve(application, CONSENT_BY_COUNTY_HEAD);
        approve(application, APPROVE_BY_DEPUTY_HEAD);

        assertApproved(application, CONSENT_BY_COUNTY_HEAD, APPROVE_BY_DEPUTY_HEAD);
        verify(registerApplication).execute(any(DelegateExecution.class));
        verify(recordTier).execute(any(DelegateExecution.class));
    }

    @Test
    @DisplayName("T1 application without land (非供地): county head consents → deputy head approves → approved")
    void tier1WithoutLand() throws Exception {
        Map<String, Object> application = service(null);
        ProcessInstance instance = submit(application);

        assertThat(instance).variables().containsEntry(Var.TIER, "T1");
        approve(instance, CONSENT_BY_COUNTY_HEAD);
        approve(instance, APPROVE_BY_DEPUTY_HEAD);

        assertApproved(instance, CONSENT_BY_COUNTY_HEAD, APPROVE_BY_DEPUTY_HEAD);
    }

    @Test
    @DisplayName("T2 application (工业 40 亩): deputy review → county-head meeting → county head approves → approved, "
            + "no standing committee")
    void tier2() throws Exception {
        ProcessInstance application = submit(industrial(40.0));

        assertThat(application).variables().containsEntry(Var.TIER, "T2");
        approve(application, REVIEW_BY_DEPUTY_HEAD);
        approve(application, DELIBERATE_BY_COUNTY_HEAD_MEETING);
        approve(application, APPROVE_BY_COUNTY_HEAD);

        assertApproved(application, REVIEW_BY_DEPUTY_HEAD, DELIBERATE_BY_COUNTY_HEAD_MEETING, APPROVE_BY_COUNTY_HEAD);
    }

    @Test
    @DisplayName("T3 application (工业 80 亩): deputy review → county-head meeting → standing committee → "
            + "county head approves → approved")
    void tier3() throws Exception {
        ProcessInstance application = submit(industrial(80.0));

        assertThat(application).variables().containsEntry(Var.TIER, "T3");
        approve(application, REVIEW_BY_DEPUTY_HEAD);
        approve(application, DELIBERATE_BY_COUNTY_HEAD_MEETING);
        approve(application, DELIBERATE_BY_STANDING_COMMITTEE);
        approve(application, APPROVE_BY_COUNTY_HEAD);

        assertApproved(application, REVIEW_BY_DEPUTY_HEAD, DELIBERATE_BY_COUNTY_HEAD_MEETING,
                DELIBERATE_BY_STANDING_COMMITTEE, APPROVE_BY_COUNTY_HEAD);
    }

    @Test
    @DisplayName("一事一议 raises T1 (服务业 15 亩) to T2: deputy review → county-head meeting → county head approves")
    void caseByCaseSupportRaisesTheTier() throws Exception {
        Map<String, Object> application = service(15.0);
        application.put(Var.CASE_BY_CASE_SUPPORT, true);
        ProcessInstance instance = submit(application);

        assertThat(instance).variables().containsEntry(Var.TIER, "T2");
        approve(instance, REVIEW_BY_DEPUTY_HEAD);
        approve(instance, DELIBERATE_BY_COUNTY_HEAD_MEETING);
        approve(instance, APPROVE_BY_COUNTY_HEAD);

        assertApproved(instance, REVIEW_BY_DEPUTY_HEAD, DELIBERATE_BY_COUNTY_HEAD_MEETING, APPROVE_BY_COUNTY_HEAD);
    }

    @Test
    @DisplayName("Dev-zone application (30 亩): leading group reviews → dev zone approves → approved")
    void devZone() throws Exception {
        ProcessInstance application = submit(devZone(30.0));

        assertThat(application).variables().containsEntry(Var.TIER, "DEVZONE");
        approve(application, REVIEW_BY_LEADING_GROUP);
        approve(application, APPROVE_BY_DEV_ZONE);

        assertApproved(application, REVIEW_BY_LEADING_GROUP, APPROVE_BY_DEV_ZONE);
    }

    @Test
    @DisplayName("Dev-zone application over 50 亩 (60 亩) goes the T3 way, up to the standing committee")
    void devZoneOver50() throws Exception {
        ProcessInstance application = submit(devZone(60.0));

        assertThat(application).variables().containsEntry(Var.TIER, "T3");
        approve(application, REVIEW_BY_DEPUTY_HEAD);
        approve(application, DELIBERATE_BY_COUNTY_HEAD_MEETING);
        approve(application, DELIBERATE_BY_STANDING_COMMITTEE);
        approve(application, APPROVE_BY_COUNTY_HEAD);

        assertApproved(application, REVIEW_BY_DEPUTY_HEAD, DELIBERATE_BY_COUNTY_HEAD_MEETING,
                DELIBERATE_BY_STANDING_COMMITTEE, APPROVE_BY_COUNTY_HEAD);
    }

    private void assertApproved(ProcessInstance application, String... userTasks) throws Exception {
        assertThat(application).isEnded()
                .hasPassedInOrder(RECORD_TIER, userTasks[0], MARK_APPROVED, APPROVED)
                .hasNotPassed(MARK_REJECTED, MARK_RETURNED, REVISE_APPLICATION, SEND_REMINDER, ESCALATE);
        assertThat(userTasksOf(application)).containsExactly(userTasks);
        verify(markApproved).execute(any(DelegateExecution.class));
        // each step notifies the listener twice: create (clears the last decision) and complete (records it)
        verify(recordApproval, times(2 * userTasks.length)).notify(any(DelegateTask.class));
        verifyNoInteractions(markRejected, markReturned, markWithdrawn, sendReminder, escalateToSupervision);
    }

    // ------------------------------------------------------------------ Every approval step

    @ParameterizedTest(name = "{0} ({1}) goes to group {2} with form {3}, due in 5 working days")
    @MethodSource("approvalSteps")
    @DisplayName("Every approval step is a task of its group, with its deployed form and a due date")
    void taskOfItsGroup(String step, String tier, String group, String form) throws IOException {
        ProcessInstance application = reach(step, tier);

        Task task = taskService.createTaskQuery().processInstanceId(application.getId()).initializeFormKeys()
                .singleResult();
        assertThat(task).hasDefinitionKey(step).hasCandidateGroup(group).isNotAssigned()
                .hasDueDate(Date.from(NOW.plus(DUE)));
        assertThat(task.getCamundaFormRef().getKey()).isEqualTo(form);
        try (InputStream deployed = engine.getFormService().getDeployedTaskForm(task.getId())) {
            assertThat(new String(deployed.readAllBytes(), StandardCharsets.UTF_8)).contains("\"" + form + "\"");
        }
    }

    @ParameterizedTest(name = "rejected (驳回) at {0} ({1}) → marked rejected → ended rejected")
    @MethodSource("approvalSteps")
    @DisplayName("Every approval step can reject the application")
    void reject(String step, String tier) throws Exception {
        ProcessInstance application = reach(step, tier);

        decide(application, step, ApprovalDecision.REJECT);

        assertThat(application).isEnded()
                .hasPassedInOrder(step, gatewayAfter(step), MARK_REJECTED, REJECTED)
                .hasNotPassed(MARK_APPROVED, MARK_RETURNED);
        verify(markRejected).execute(any(DelegateExecution.class));
        verifyNoInteractions(markApproved, markReturned);
    }

    @ParameterizedTest(name = "returned (退回) at {0} ({1}) → applicant revises → withdraws → ended withdrawn")
    @MethodSource("approvalSteps")
    @DisplayName("Every approval step can return the application, which the applicant may withdraw")
    void returnThenWithdraw(String step, String tier) throws Exception {
        ProcessInstance application = reach(step, tier);

        decide(application, step, ApprovalDecision.RETURN);

        assertThat(application).isWaitingAt(REVISE_APPLICATION).hasPassedInOrder(step, MARK_RETURNED);
        assertThat(reviseTask(application)).isAssignedTo(APPLICANT).hasDueDate(Date.from(NOW.plus(DUE)));
        verify(markReturned).execute(any(DelegateExecution.class));

        revise(application, Map.of(Var.DECISION, RevisionDecision.WITHDRAW.name()));

        assertThat(application).isEnded().hasPassedInOrder(REVISE_APPLICATION, MARK_WITHDRAWN, WITHDRAWN)
                .hasNotPassed(MARK_APPROVED, MARK_REJECTED);
        verify(markWithdrawn).execute(any(DelegateExecution.class));
        verify(applyRevision, times(2)).notify(any(DelegateTask.class));
        verify(recordTier, times(1)).execute(any(DelegateExecution.class));
    }

    @ParameterizedTest(name = "{0} ({1}) overdue: reminded (催办) after 5 working days, escalated (督办) after 8, still open")
    @MethodSource("approvalSteps")
    @DisplayName("Every approval step is reminded when due and escalated to supervision when overdue, without being interrupted")
    void reminderAndEscalation(String step, String tier) throws Exception {
        ProcessInstance application = reach(step, tier);
        String taskId = openTask(application, step).getId();
        Job reminder = timer(application, "Timer_" + suffix(step) + "Reminder");
        Job escalation = timer(application, "Timer_" + suffix(step) + "Escalation");
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(NOW.plus(DUE)));
        assertThat(escalation.getDuedate()).isEqualTo(Date.from(NOW.plus(ESCALATION)));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(DUE).plusSeconds(60)));
        assertThat(executableTimers(application)).containsExactly(reminder.getId());
        managementService.executeJob(reminder.getId());

        verify(sendReminder).execute(any(DelegateExecution.class));
        verifyNoInteractions(escalateToSupervision);
        assertThat(application).isWaitingAt(step).hasPassed(SEND_REMINDER, REMINDER_SENT).hasNotPassed(ESCALATE);

        ClockUtil.setCurrentTime(Date.from(NOW.plus(ESCALATION).plusSeconds(60)));
        assertThat(executableTimers(application)).containsExactly(escalation.getId());
        managementService.executeJob(escalation.getId());

        verify(escalateToSupervision).execute(any(DelegateExecution.class));
        assertThat(application).isWaitingAt(step).hasPassed(ESCALATE, ESCALATED);
        assertThat(openTask(application, step).getId()).as("the same approval task is still open").isEqualTo(taskId);
        assertThat(managementService.createJobQuery().processInstanceId(application.getId()).count()).isZero();

        approve(application, step);
        assertThat(application).hasPassedInOrder(step, gatewayAfter(step));
    }

    private Job timer(ProcessInstance application, String timerId) {
        return managementService.createJobQuery().processInstanceId(application.getId()).timers()
                .activityId(timerId).singleResult();
    }

    private List<String> executableTimers(ProcessInstance application) {
        return managementService.createJobQuery().processInstanceId(application.getId()).timers().executable()
                .list().stream().map(Job::getId).toList();
    }

    // ------------------------------------------------------------------ Returned and revised

    @Test
    @DisplayName("T1 application returned at county-head consent, resubmitted with 80 亩 → decided again as T3 → "
            + "deputy review → county-head meeting → standing committee → county head approves → approved")
    void resubmittedWithMoreLandIsDecidedAgain() throws Exception {
        ProcessInstance application = submit(industrial(10.0));
        assertThat(application).variables().containsEntry(Var.TIER, "T1");

        decide(application, CONSENT_BY_COUNTY_HEAD, ApprovalDecision.RETURN);
        assertThat(application).isWaitingAt(REVISE_APPLICATION);
        revise(application, Map.of(Var.LAND_AREA_MU, 80.0, Var.DECISION, RevisionDecision.RESUBMIT.name()));

        assertThat(application).isWaitingAt(REVIEW_BY_DEPUTY_HEAD).variables().containsEntry(Var.TIER, "T3");
        approve(application, REVIEW_BY_DEPUTY_HEAD);
        approve(application, DELIBERATE_BY_COUNTY_HEAD_MEETING);
        approve(application, DELIBERATE_BY_STANDING_COMMITTEE);
        approve(application, APPROVE_BY_COUNTY_HEAD);

        assertThat(application).isEnded().hasPassedInOrder(MARK_RETURNED, REVISE_APPLICATION, DETERMINE_TIER,
                RECORD_TIER, REVIEW_BY_DEPUTY_HEAD, MARK_APPROVED, APPROVED).hasNotPassed(APPROVE_BY_DEPUTY_HEAD);
        assertThat(userTasksOf(application)).containsExactly(CONSENT_BY_COUNTY_HEAD, REVISE_APPLICATION,
                REVIEW_BY_DEPUTY_HEAD, DELIBERATE_BY_COUNTY_HEAD_MEETING, DELIBERATE_BY_STANDING_COMMITTEE,
                APPROVE_BY_COUNTY_HEAD);
        verify(recordTier, times(2)).execute(any(DelegateExecution.class));
        verify(applyRevision, times(2)).notify(any(DelegateTask.class));
        verify(markApproved).execute(any(DelegateExecution.class));
    }

    @Test
    @DisplayName("Dev-zone application returned by the leading group, resubmitted with 一事一议 → T2 → "
            + "deputy review → county-head meeting → county head approves → approved")
    void devZoneResubmittedWithCaseByCaseSupport() throws Exception {
        ProcessInstance application = submit(devZone(30.0));

        decide(application, REVIEW_BY_LEADING_GROUP, ApprovalDecision.RETURN);
        revise(application, Map.of(Var.CASE_BY_CASE_SUPPORT, true, Var.DECISION, RevisionDecision.RESUBMIT.name()));

        assertThat(application).isWaitingAt(REVIEW_BY_DEPUTY_HEAD).variables().containsEntry(Var.TIER, "T2");
        approve(application, REVIEW_BY_DEPUTY_HEAD);
        approve(application, DELIBERATE_BY_COUNTY_HEAD_MEETING);
        approve(application, APPROVE_BY_COUNTY_HEAD);

        assertThat(application).isEnded().hasPassed(MARK_APPROVED).hasNotPassed(APPROVE_BY_DEV_ZONE,
                DELIBERATE_BY_STANDING_COMMITTEE);
    }

    // ------------------------------------------------------------------ the application and its steps

    static Map<String, Object> industrial(Double landAreaMu) {
        return application("INDUSTRIAL", landAreaMu, false);
    }

    static Map<String, Object> service(Double landAreaMu) {
        return application("SERVICE", landAreaMu, false);
    }

    static Map<String, Object> devZone(Double landAreaMu) {
        return application("INDUSTRIAL", landAreaMu, true);
    }

    static Map<String, Object> application(String category, Double landAreaMu, boolean devZone) {
        Map<String, Object> application = new LinkedHashMap<>();
        application.put(Var.PROJECT_ID, 4711L);
        application.put(Var.COMPANY_NAME, "浙江磐安本草药业有限公司");
        application.put(Var.PROJECT_NAME, "中药饮片智能化生产线");
        application.put(Var.PROJECT_CATEGORY, category);
        application.put(Var.LAND_REQUIRED, landAreaMu != null);
        application.put(Var.LAND_AREA_MU, landAreaMu);
        application.put(Var.CASE_BY_CASE_SUPPORT, false);
        application.put(Var.DEV_ZONE, devZone);
        return application;
    }

    /** The carrier (落户载体) submits the application; camunda:initiator stores them as {@code applicant}. */
    ProcessInstance submit(Map<String, Object> application) {
        engine.getIdentityService().setAuthenticatedUserId(APPLICANT);
        try {
            return runtimeService.startProcessInstanceByKey(LandingApproval.PROCESS_KEY, "project-4711", application);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Submits an application of the tier and approves the steps before {@code step}. */
    ProcessInstance reach(String step, String tier) {
        ProcessInstance application = submit(APPLICATION_OF_TIER.get(tier));
        assertThat(application).variables().containsEntry(Var.TIER, tier);
        for (String before : CHAIN.get(tier).subList(0, CHAIN.get(tier).indexOf(step))) {
            approve(application, before);
        }
        assertThat(application).isWaitingAt(step);
        return application;
    }

    void approve(ProcessInstance application, String step) {
        decide(application, step, ApprovalDecision.APPROVE);
    }

    void decide(ProcessInstance application, String step, ApprovalDecision decision) {
        assertThat(application).isWaitingAt(step);
        VariableMap variables = Variables.createVariables()
                .putValue(Var.DECISION, decision.name())
                .putValue(Var.OPINION, decision.requiresOpinion() ? "用地指标不足，" + decision.label() : "同意");
        if (step.startsWith("Task_Deliberate") || step.equals(REVIEW_BY_LEADING_GROUP)) {
            variables.putValue(Var.MEETING_DATE, ClockUtil.getCurrentTime()).putValue(Var.MINUTES_NUMBER, "县政府纪要〔2025〕7号");
        }
        taskService.complete(openTask(application, step).getId(), variables);
    }

    void revise(ProcessInstance application, Map<String, Object> changes) {
        assertThat(application).isWaitingAt(REVISE_APPLICATION);
        taskService.complete(reviseTask(application).getId(), changes);
    }

    Task reviseTask(ProcessInstance application) {
        return openTask(application, REVISE_APPLICATION);
    }

    Task openTask(ProcessInstance application, String step) {
        return taskService.createTaskQuery().processInstanceId(application.getId()).taskDefinitionKey(step)
                .singleResult();
    }

    static String suffix(String step) {
        return step.substring("Task_".length());
    }

    static String gatewayAfter(String step) {
        return "Gateway_" + suffix(step) + "Decision";
    }

    @Test
    @DisplayName("The start form is the landing application form from the same deployment")
    void startForm() throws IOException {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(LandingApproval.PROCESS_KEY).singleResult().getId();
        try (InputStream form = engine.getFormService().getDeployedStartForm(definitionId)) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"" + Form.LANDING_APPLICATION + "\"");
        }
    }
}
