package cn.zhaoshang.lead;

import cn.zhaoshang.support.ProcessModelTestSupport;
import static cn.zhaoshang.lead.LeadScreening.Step.ANSWER_CONSULTATION;
import static cn.zhaoshang.lead.LeadScreening.Step.CHECK_COMPLETENESS;
import static cn.zhaoshang.lead.LeadScreening.Step.DECIDE_DUPLICATE;
import static cn.zhaoshang.lead.LeadScreening.Step.SUPPLEMENT_LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
import org.junit.jupiter.params.provider.CsvSource;

import cn.zhaoshang.lead.LeadScreening.Bean;
import cn.zhaoshang.lead.LeadScreening.Form;
import cn.zhaoshang.lead.LeadScreening.Var;
import cn.zhaoshang.system.Groups;

/**
 * Every path of process-models/LeadScreening.bpmn (线索甄别; xuancheng-2019 §二.2–二.3, qiaocheng §四, tongcheng §19,
 * panan-2022 §二.3): completeness check with return and supplement (resubmit or withdraw), duplicate check (merge or
 * keep separate), the parallel written consultation (书面征询) with its non-interrupting reminder, the major-project
 * decision and the ad-hoc meeting, the meeting's decision (valid, invalid, more information) and withdrawal at any
 * time. Service tasks and listeners are mocked by bean name; the class must cover the whole model.
 */
@Deployment(resources = {
        "process-models/LeadScreening.bpmn",
        "process-models/MajorProject.dmn",
        "forms/lead-report.form",
        "forms/lead-completeness.form",
        "forms/lead-duplicate.form",
        "forms/lead-supplement.form",
        "forms/consultation-opinion.form"})
class LeadScreeningProcessTest extends ProcessModelTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = everyPathCovered();

    // element ids that are not user tasks (the user tasks are in LeadScreening.Step)
    static final String START = "StartEvent_LeadReported";
    static final String REGISTER = "Task_RegisterLead";
    static final String GATEWAY_COMPLETE = "Gateway_Complete";
    static final String RETURN = "Task_ReturnLead";
    static final String GATEWAY_SUPPLEMENT = "Gateway_Supplement";
    static final String WITHDRAW = "Task_WithdrawLead";
    static final String WITHDRAWN = "EndEvent_LeadWithdrawn";
    static final String CHECK_DUPLICATE = "Task_CheckDuplicate";
    static final String GATEWAY_DUPLICATE = "Gateway_Duplicate";
    static final String MERGE = "Task_MergeLead";
    static final String MERGED = "EndEvent_LeadMerged";
    static final String OPEN_CONSULTATION = "Task_OpenConsultation";
    static final String CONSULTATION = "SubProcess_Consultation";
    static final String CONSULTATION_OVERDUE = "Timer_ConsultationOverdue";
    static final String REMIND = "Task_RemindConsultation";
    static final String REMINDED = "EndEvent_ConsultationReminded";
    static final String CLASSIFY = "Task_ClassifyMajorProject";
    static final String AWAIT_MEETING = "Task_AwaitMeeting";
    static final String REQUEST_AD_HOC_MEETING = "Task_RequestAdHocMeeting";
    static final String MEETING_DECISION = "Event_MeetingDecision";
    static final String CREATE_PROJECT = "Task_CreateProject";
    static final String VALID = "EndEvent_LeadValid";
    static final String ARCHIVE = "Task_ArchiveLead";
    static final String ARCHIVED = "EndEvent_LeadArchived";
    static final String WITHDRAWAL_REQUESTED = "StartEvent_WithdrawalRequested";
    static final String WITHDRAW_ON_REQUEST = "Task_WithdrawLeadOnRequest";
    static final String WITHDRAWN_ON_REQUEST = "EndEvent_LeadWithdrawnOnRequest";

    static final String REPORTER = "li.shanghai";
    static final long LEAD_ID = 4711L;
    static final String BUSINESS_KEY = String.valueOf(LEAD_ID);
    static final long EARLIER_LEAD_ID = 4001L;
    static final long MEETING_ID = 12L;
    static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z");
    static final Duration COMPLETENESS_DUE = Duration.ofDays(3);
    static final Duration CONSULTATION_DUE = Duration.ofDays(5);
    /** qiaocheng §四: 发改、环保、应急 and the host carrier, plus natural resources and planning. */
    static final List<String> DEPARTMENTS = List.of(Groups.DEPT_DRC, Groups.DEPT_ENV, Groups.DEPT_EMERGENCY,
            Groups.DEPT_NR, Groups.CARRIER);

    /**
     * Stands in for the {@code leadDeadlines} bean: the two no-arg methods the BPMN calls, due a fixed time after the
     * engine clock.
     */
    public static final class TestDeadlines {
        public Date completenessDueAt() {
            return Date.from(ClockUtil.getCurrentTime().toInstant().plus(COMPLETENESS_DUE));
        }

        public Date consultationDueAt() {
            return Date.from(ClockUtil.getCurrentTime().toInstant().plus(CONSULTATION_DUE));
        }
    }

    JavaDelegate registerLead = mock(JavaDelegate.class);
    JavaDelegate checkDuplicate = mock(JavaDelegate.class);
    JavaDelegate mergeLead = mock(JavaDelegate.class);
    JavaDelegate returnLead = mock(JavaDelegate.class);
    JavaDelegate openConsultation = mock(JavaDelegate.class);
    JavaDelegate remindConsultation = mock(JavaDelegate.class);
    JavaDelegate awaitMeeting = mock(JavaDelegate.class);
    JavaDelegate requestAdHocMeeting = mock(JavaDelegate.class);
    JavaDelegate createProject = mock(JavaDelegate.class);
    JavaDelegate archiveLead = mock(JavaDelegate.class);
    JavaDelegate withdrawLead = mock(JavaDelegate.class);
    TaskListener applyLeadSupplement = mock(TaskListener.class);
    TaskListener recordConsultation = mock(TaskListener.class);

    /** what the duplicate check finds: the earlier lead of the same company and project, or null. */
    Long duplicateOf;
    /** meetingDecision as Task_ReturnLead saw it, once per return. */
    List<Object> meetingDecisionSeenByReturn = new ArrayList<>();
    /** "department=answer" as recordConsultationListener saw it on complete. */
    List<String> answersRecorded = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        ClockUtil.setCurrentTime(Date.from(NOW));

        // the real delegate stores the lead, makes its id the business key and sets the MajorProject inputs
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable(Var.LEAD_ID, LEAD_ID);
            execution.setProcessBusinessKey(BUSINESS_KEY);
            Object foreignCapital = execution.getVariable(Var.FOREIGN_CAPITAL_USD_WAN);
            execution.setVariable(Var.FOREIGN_CAPITAL_USD_WAN, foreignCapital == null ? 0.0 : foreignCapital);
            return null;
        }).when(registerLead).execute(any(DelegateExecution.class));
        // the real delegate always sets the variable, to null when there is no earlier lead
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable(Var.DUPLICATE_OF_LEAD_ID, duplicateOf);
            return null;
        }).when(checkDuplicate).execute(any(DelegateExecution.class));
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable(Var.CONSULTATION_DEPARTMENTS,
                    new ArrayList<>(DEPARTMENTS));
            return null;
        }).when(openConsultation).execute(any(DelegateExecution.class));
        doAnswer(call -> {
            meetingDecisionSeenByReturn.add(((DelegateExecution) call.getArgument(0)).getVariable(Var.MEETING_DECISION));
            return null;
        }).when(returnLead).execute(any(DelegateExecution.class));
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                answersRecorded.add(task.getVariable(Var.DEPARTMENT) + "=" + task.getVariable(Var.ANSWER));
            }
            return null;
        }).when(recordConsultation).notify(any(DelegateTask.class));

        Mocks.register(Bean.REGISTER_LEAD, registerLead);
        Mocks.register(Bean.CHECK_DUPLICATE, checkDuplicate);
        Mocks.register(Bean.MERGE_LEAD, mergeLead);
        Mocks.register(Bean.RETURN_LEAD, returnLead);
        Mocks.register(Bean.OPEN_CONSULTATION, openConsultation);
        Mocks.register(Bean.REMIND_CONSULTATION, remindConsultation);
        Mocks.register(Bean.AWAIT_MEETING, awaitMeeting);
        Mocks.register(Bean.REQUEST_AD_HOC_MEETING, requestAdHocMeeting);
        Mocks.register(Bean.CREATE_PROJECT, createProject);
        Mocks.register(Bean.ARCHIVE_LEAD, archiveLead);
        Mocks.register(Bean.WITHDRAW_LEAD, withdrawLead);
        Mocks.register(Bean.APPLY_LEAD_SUPPLEMENT, applyLeadSupplement);
        Mocks.register(Bean.RECORD_CONSULTATION, recordConsultation);
        Mocks.register(Bean.DEADLINES, new TestDeadlines());
    }

    // ------------------------------------------------------------------ Valid all the way

    @Test
    @DisplayName("lead reported → complete → no duplicate → consulted (5 departments) → not major → meeting VALID → "
            + "transferred")
    void validLead() throws Exception {
        ProcessInstance lead = report(lead());

        assertThat(lead).hasPassedInOrder(START, REGISTER).isWaitingAt(CHECK_COMPLETENESS).hasBusinessKey(BUSINESS_KEY)
                .variables().containsEntry(Var.REPORTER, REPORTER).containsEntry(Var.LEAD_ID, LEAD_ID);
        checkCompleteness(lead, "COMPLETE");
        assertThat(lead).hasPassedInOrder(GATEWAY_COMPLETE, CHECK_DUPLICATE, GATEWAY_DUPLICATE, OPEN_CONSULTATION)
                .isWaitingAt(ANSWER_CONSULTATION);
        answerAll(lead);
        assertThat(lead).hasPassedInOrder(OPEN_CONSULTATION, CONSULTATION, ANSWER_CONSULTATION, CLASSIFY, AWAIT_MEETING)
                .isWaitingAt(MEETING_DECISION)
                .variables().containsEntry(Var.MAJOR_PROJECT, false).containsEntry(Var.MAJOR_REASON, "未达重大项目标准");

        decideAtMeeting(lead, "VALID", "符合新能源产业导向，转驻上海招商分局跟进");

        assertThat(lead).isEnded()
                .hasPassedInOrder(START, REGISTER, CHECK_COMPLETENESS, CHECK_DUPLICATE, OPEN_CONSULTATION, CONSULTATION,
                        ANSWER_CONSULTATION, CLASSIFY, AWAIT_MEETING, MEETING_DECISION, CREATE_PROJECT, VALID)
                .hasNotPassed(RETURN, SUPPLEMENT_LEAD, DECIDE_DUPLICATE, REQUEST_AD_HOC_MEETING, REMIND, ARCHIVE,
                        WITHDRAW_ON_REQUEST)
                .variables().containsEntry(Var.MEETING_DECISION, "VALID").containsEntry(Var.MEETING_ID, MEETING_ID);
        assertThat(userTasksOf(lead)).containsExactly(CHECK_COMPLETENESS, ANSWER_CONSULTATION, ANSWER_CONSULTATION,
                ANSWER_CONSULTATION, ANSWER_CONSULTATION, ANSWER_CONSULTATION);
        verify(registerLead).execute(any(DelegateExecution.class));
        verify(checkDuplicate).execute(any(DelegateExecution.class));
        verify(openConsultation).execute(any(DelegateExecution.class));
        verify(awaitMeeting).execute(any(DelegateExecution.class));
        verify(createProject).execute(any(DelegateExecution.class));
        // each consultation task notifies the listener twice: create (links the task) and complete (stores the answer)
        verify(recordConsultation, times(2 * DEPARTMENTS.size())).notify(any(DelegateTask.class));
        verifyNoInteractions(returnLead, applyLeadSupplement, mergeLead, remindConsultation, requestAdHocMeeting,
                archiveLead, withdrawLead);
    }

    @Test
    @DisplayName("The start form is the lead report form from the same deployment; the reporter is the initiator")
    void startForm() throws IOException {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(LeadScreening.PROCESS_KEY).singleResult().getId();
        try (InputStream form = engine.getFormService().getDeployedStartForm(definitionId)) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"" + Form.REPORT_LEAD + "\"");
        }
    }

    @Test
    @DisplayName("Completeness check (完整性审核) is a task of the investment center with its form, due in 3 days")
    void completenessCheckTask() throws IOException {
        ProcessInstance lead = report(lead());

        Task task = openTask(lead, CHECK_COMPLETENESS);
        assertThat(task).hasCandidateGroup(Groups.INVESTMENT_CENTER).isNotAssigned()
                .hasDueDate(Date.from(NOW.plus(COMPLETENESS_DUE)));
        assertDeployedForm(task, Form.CHECK_COMPLETENESS);
        assertThat(managementService.createJobQuery().processInstanceId(lead.getId()).count())
                .as("the completeness check has a due date, no reminder").isZero();
    }

    // ------------------------------------------------------------------ Incomplete: returned to the reporter

    @Test
    @DisplayName("lead reported → completeness returned → resubmitted → consulted → meeting VALID → transferred")
    void returnedThenResubmitted() throws Exception {
        ProcessInstance lead = report(lead());

        checkCompleteness(lead, "INCOMPLETE", "缺少企业营业执照和投资意向书");

        assertThat(lead).hasPassedInOrder(CHECK_COMPLETENESS, GATEWAY_COMPLETE, RETURN).isWaitingAt(SUPPLEMENT_LEAD);
        Task supplement = openTask(lead, SUPPLEMENT_LEAD);
        assertThat(supplement).isAssignedTo(REPORTER);
        assertDeployedForm(supplement, Form.SUPPLEMENT_LEAD);
        verify(returnLead).execute(any(DelegateExecution.class));
        assertThat(meetingDecisionSeenByReturn).containsExactly((Object) null);

        supplement(lead, "RESUBMIT", Map.of(Var.CONTACT_PHONE, "13900000000"));

        assertThat(lead).hasPassedInOrder(CHECK_COMPLETENESS, RETURN, SUPPLEMENT_LEAD, GATEWAY_SUPPLEMENT)
                .isWaitingAt(CHECK_COMPLETENESS);
        checkCompleteness(lead, "COMPLETE");
        answerAll(lead);
        decideAtMeeting(lead, "VALID", "有效线索");

        assertThat(lead).isEnded().hasPassedInOrder(START, CHECK_COMPLETENESS, RETURN, SUPPLEMENT_LEAD,
                CHECK_COMPLETENESS, CHECK_DUPLICATE, CONSULTATION, CREATE_PROJECT, VALID).hasNotPassed(WITHDRAW);
        assertThat(userTasksOf(lead).subList(0, 3)).containsExactly(CHECK_COMPLETENESS, SUPPLEMENT_LEAD,
                CHECK_COMPLETENESS);
        // create (shows the lead) and complete (stores the new version)
        verify(applyLeadSupplement, times(2)).notify(any(DelegateTask.class));
        verify(createProject).execute(any(DelegateExecution.class));
        verifyNoInteractions(withdrawLead);
    }

    @Test
    @DisplayName("lead reported → completeness returned → reporter withdraws → withdrawn")
    void returnedThenWithdrawn() throws Exception {
        ProcessInstance lead = report(lead());
        checkCompleteness(lead, "INCOMPLETE", "缺少投资额");

        supplement(lead, "WITHDRAW", Map.of(Var.OPINION, "企业已另行选址"));

        assertThat(lead).isEnded().hasPassedInOrder(RETURN, SUPPLEMENT_LEAD, GATEWAY_SUPPLEMENT, WITHDRAW, WITHDRAWN)
                .hasNotPassed(CHECK_DUPLICATE, CONSULTATION, WITHDRAW_ON_REQUEST);
        verify(withdrawLead).execute(any(DelegateExecution.class));
        verify(applyLeadSupplement, times(2)).notify(any(DelegateTask.class));
        verifyNoInteractions(checkDuplicate, openConsultation, createProject, archiveLead);
    }

    // ------------------------------------------------------------------ Duplicates (xuancheng-2019 §三.1)

    @Test
    @DisplayName("lead reported → complete → duplicate of an earlier lead → investment center merges → merged")
    void duplicateMerged() throws Exception {
        duplicateOf = EARLIER_LEAD_ID;
        ProcessInstance lead = report(lead());
        checkCompleteness(lead, "COMPLETE");

        assertThat(lead).hasPassedInOrder(CHECK_DUPLICATE, GATEWAY_DUPLICATE).isWaitingAt(DECIDE_DUPLICATE)
                .variables().containsEntry(Var.DUPLICATE_OF_LEAD_ID, EARLIER_LEAD_ID);
        Task task = openTask(lead, DECIDE_DUPLICATE);
        assertThat(task).hasCandidateGroup(Groups.INVESTMENT_CENTER).isNotAssigned();
        assertDeployedForm(task, Form.DECIDE_DUPLICATE);

        complete(lead, DECIDE_DUPLICATE, Variables.createVariables().putValue(Var.DECISION, "MERGE")
                .putValue(Var.OPINION, "同一企业同一项目，归属在先线索"));

        assertThat(lead).isEnded().hasPassedInOrder(DECIDE_DUPLICATE, MERGE, MERGED)
                .hasNotPassed(OPEN_CONSULTATION, CONSULTATION);
        verify(mergeLead).execute(any(DelegateExecution.class));
        verifyNoInteractions(openConsultation, createProject, archiveLead, withdrawLead);
    }

    @Test
    @DisplayName("lead reported → complete → suspected duplicate → kept separate → consulted → meeting VALID → "
            + "transferred")
    void duplicateKeptSeparate() throws Exception {
        duplicateOf = EARLIER_LEAD_ID;
        ProcessInstance lead = report(lead());
        checkCompleteness(lead, "COMPLETE");

        complete(lead, DECIDE_DUPLICATE, Variables.createVariables().putValue(Var.DECISION, "KEEP_SEPARATE")
                .putValue(Var.OPINION, "同一企业的另一个项目"));

        assertThat(lead).hasPassedInOrder(DECIDE_DUPLICATE, OPEN_CONSULTATION).isWaitingAt(ANSWER_CONSULTATION);
        answerAll(lead);
        decideAtMeeting(lead, "VALID", "有效线索");
        assertThat(lead).isEnded().hasPassedInOrder(DECIDE_DUPLICATE, CONSULTATION, CREATE_PROJECT, VALID)
                .hasNotPassed(MERGE);
        verifyNoInteractions(mergeLead);
    }

    // ------------------------------------------------------------------ Written consultation (qiaocheng §四)

    @Test
    @DisplayName("Consultation (书面征询): one task per department in parallel, each for its own group, with the "
            + "opinion form and a due date; the lead waits for the meeting after the last answer")
    void consultationInParallel() throws IOException {
        ProcessInstance lead = reachConsultation();

        List<Task> tasks = consultationTasks(lead);
        assertThat(tasks).hasSize(DEPARTMENTS.size());
        assertThat(tasks.stream().map(this::candidateGroupsOf).toList())
                .containsExactlyInAnyOrderElementsOf(DEPARTMENTS.stream().map(List::of).toList());
        for (Task task : tasks) {
            // the element variable of the multi-instance lives on the department's subprocess instance
            String department = (String) taskService.getVariable(task.getId(), Var.DEPARTMENT);
            assertThat(department).isIn(DEPARTMENTS);
            assertThat(task).hasCandidateGroup(department).isNotAssigned()
                    .hasDueDate(Date.from(NOW.plus(CONSULTATION_DUE)));
            assertDeployedForm(task, Form.ANSWER_CONSULTATION);
            // the form starts empty: not the center's completeness opinion, not another department's answer
            VariableMap form = engine.getFormService().getTaskFormVariables(task.getId());
            assertThat(form.get(Var.OPINION)).isNull();
            assertThat(form.get(Var.ANSWER)).isNull();
        }
        assertThat(runtimeService.getVariable(lead.getId(), Var.OPINION)).isEqualTo("资料齐全");
        assertThat(overdueTimers(lead)).hasSize(DEPARTMENTS.size())
                .allSatisfy(timer -> assertThat(timer.getDuedate()).isEqualTo(Date.from(NOW.plus(CONSULTATION_DUE))));

        for (Task task : tasks.subList(0, tasks.size() - 1)) {
            answer(task, "AGREE");
            assertThat(lead).isWaitingAt(ANSWER_CONSULTATION);
            assertThat(engine.getFormService().getTaskFormVariables(tasks.get(tasks.size() - 1).getId())
                    .get(Var.ANSWER)).as("an answer stays with its department").isNull();
        }
        Task last = tasks.get(tasks.size() - 1);
        String lastDepartment = (String) taskService.getVariable(last.getId(), Var.DEPARTMENT);
        answer(last, "AGREE_WITH_CONDITIONS");

        assertThat(lead).isWaitingAt(MEETING_DECISION).hasPassedInOrder(ANSWER_CONSULTATION, CLASSIFY, AWAIT_MEETING);
        assertThat(overdueTimers(lead)).isEmpty();
        assertThat(answersRecorded).hasSize(DEPARTMENTS.size()).contains(lastDepartment + "=AGREE_WITH_CONDITIONS")
                .extracting(recorded -> recorded.substring(0, recorded.indexOf('=')))
                .containsExactlyInAnyOrderElementsOf(DEPARTMENTS);
        assertThat(runtimeService.getVariables(lead.getId())).as("answers are not process variables")
                .doesNotContainKeys(Var.ANSWER, Var.DEPARTMENT).containsEntry(Var.OPINION, "资料齐全");
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(lead.getId())
                .taskDefinitionKey(ANSWER_CONSULTATION).finished().count()).isEqualTo(DEPARTMENTS.size());
    }

    @Test
    @DisplayName("A department answers late: reminded (催办) once when its opinion is due, the task stays open, the "
            + "late answer lets the lead go on to the meeting")
    void lateAnswerAfterReminder() throws Exception {
        ProcessInstance lead = reachConsultation();
        List<Task> tasks = consultationTasks(lead);
        Task late = tasks.stream().filter(t -> candidateGroupsOf(t).contains(Groups.DEPT_ENV)).findFirst().orElseThrow();
        for (Task task : tasks) {
            if (!task.getId().equals(late.getId())) {
                answer(task, "AGREE");
            }
        }
        assertThat(overdueTimers(lead)).hasSize(1);
        assertThat(managementService.createJobQuery().processInstanceId(lead.getId()).executable().count()).isZero();

        ClockUtil.setCurrentTime(Date.from(NOW.plus(CONSULTATION_DUE).plusSeconds(60)));
        List<Job> executable = managementService.createJobQuery().processInstanceId(lead.getId()).executable().list();
        assertThat(executable.stream().map(Job::getId).toList()).containsExactly(overdueTimers(lead).get(0).getId());
        managementService.executeJob(executable.get(0).getId());

        verify(remindConsultation, times(1)).execute(any(DelegateExecution.class));
        assertThat(lead).isWaitingAt(ANSWER_CONSULTATION).hasPassedInOrder(CONSULTATION_OVERDUE, REMIND, REMINDED)
                .hasNotPassed(CLASSIFY);
        assertThat(consultationTasks(lead).stream().map(Task::getId).toList()).as("the same task is still open")
                .containsExactly(late.getId());
        assertThat(managementService.createJobQuery().processInstanceId(lead.getId()).count()).isZero();

        answer(late, "DISAGREE");

        assertThat(lead).isWaitingAt(MEETING_DECISION).hasPassedInOrder(REMIND, CLASSIFY, AWAIT_MEETING);
        verify(remindConsultation, times(1)).execute(any(DelegateExecution.class));
        verify(recordConsultation, times(2 * DEPARTMENTS.size())).notify(any(DelegateTask.class));
    }

    // ------------------------------------------------------------------ Major project (panan-2022 §二.3)

    @ParameterizedTest(name = "外资 {0} 万美元, 总投资 {1} 万元, {2} → major={3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            0    | 20000 | DIGITAL       | true  | 内资项目：总投资≥2亿元
            3000 | 5000  | BIOMEDICINE   | true  | 外资项目：外资≥3000万美元
            1000 | 70000 | MANUFACTURING | true  | 制造业项目：总投资≥7亿元
            """)
    @DisplayName("A major project (MajorProject.dmn) asks for an ad-hoc research meeting before it waits for the decision")
    void majorProjectRequestsAdHocMeeting(double foreignCapitalUsdWan, double totalInvestmentWan, String industry,
            boolean major, String reason) throws Exception {
        Map<String, Object> report = lead();
        report.put(Var.FOREIGN_CAPITAL_USD_WAN, foreignCapitalUsdWan);
        report.put(Var.TOTAL_INVESTMENT_WAN, totalInvestmentWan);
        report.put(Var.INDUSTRY, industry);
        ProcessInstance lead = reachMeeting(report);

        assertThat(lead).isWaitingAt(MEETING_DECISION)
                .hasPassedInOrder(CONSULTATION, CLASSIFY, AWAIT_MEETING, REQUEST_AD_HOC_MEETING)
                .variables().containsEntry(Var.MAJOR_PROJECT, major).containsEntry(Var.MAJOR_REASON, reason);
        verify(requestAdHocMeeting).execute(any(DelegateExecution.class));
    }

    @Test
    @DisplayName("A lead that is not a major project (外资 2999 万美元, 总投资 1.9 亿元) waits for the monthly meeting")
    void notMajorProjectWaitsForMonthlyMeeting() throws Exception {
        Map<String, Object> report = lead();
        report.put(Var.FOREIGN_CAPITAL_USD_WAN, 2999.0);
        report.put(Var.TOTAL_INVESTMENT_WAN, 19000.0);
        ProcessInstance lead = reachMeeting(report);

        assertThat(lead).isWaitingAt(MEETING_DECISION).hasNotPassed(REQUEST_AD_HOC_MEETING)
                .variables().containsEntry(Var.MAJOR_PROJECT, false).containsEntry(Var.MAJOR_REASON, "未达重大项目标准");
        verify(requestAdHocMeeting, never()).execute(any(DelegateExecution.class));
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(lead.getId())
                .eventName(LeadScreening.MESSAGE_MEETING_DECISION).count()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ The research meeting decides

    @Test
    @DisplayName("lead reported → complete → consulted → meeting INVALID → archived")
    void invalidLeadArchived() throws Exception {
        ProcessInstance lead = reachMeeting(lead());

        decideAtMeeting(lead, "INVALID", "不符合产业政策");

        assertThat(lead).isEnded().hasPassedInOrder(MEETING_DECISION, ARCHIVE, ARCHIVED).hasNotPassed(CREATE_PROJECT)
                .variables().containsEntry(Var.MEETING_REASON, "不符合产业政策");
        verify(archiveLead).execute(any(DelegateExecution.class));
        verifyNoInteractions(createProject, returnLead);
    }

    @Test
    @DisplayName("lead reported → consulted → meeting MORE_INFO → returned → supplemented → resubmitted → checked → "
            + "consulted again (second round) → meeting VALID → transferred")
    void moreInformationThenSecondRound() throws Exception {
        ProcessInstance lead = reachMeeting(lead());

        decideAtMeeting(lead, "MORE_INFO", "请补充用地需求和能耗测算");

        assertThat(lead).hasPassedInOrder(MEETING_DECISION, RETURN).isWaitingAt(SUPPLEMENT_LEAD);
        assertThat(openTask(lead, SUPPLEMENT_LEAD)).isAssignedTo(REPORTER);
        assertThat(meetingDecisionSeenByReturn).containsExactly("MORE_INFO");

        // the supplement turns it into a major project (2.5 亿元 domestic)
        supplement(lead, "RESUBMIT", Map.of(Var.TOTAL_INVESTMENT_WAN, 25000.0, Var.LAND_AREA_MU, 80.0));
        assertThat(lead).isWaitingAt(CHECK_COMPLETENESS);
        assertThat(runtimeService.getVariable(lead.getId(), Var.MEETING_DECISION))
                .as("a resubmitted lead has no meeting decision yet").isNull();
        checkCompleteness(lead, "COMPLETE");
        assertThat(consultationTasks(lead)).as("a new consultation round").hasSize(DEPARTMENTS.size());
        answerAll(lead);
        assertThat(lead).isWaitingAt(MEETING_DECISION).variables().containsEntry(Var.MAJOR_PROJECT, true);
        decideAtMeeting(lead, "VALID", "补充材料齐全，有效线索");

        assertThat(lead).isEnded().hasPassedInOrder(CONSULTATION, MEETING_DECISION, RETURN, SUPPLEMENT_LEAD,
                CHECK_COMPLETENESS, CHECK_DUPLICATE, OPEN_CONSULTATION, CONSULTATION, CLASSIFY, AWAIT_MEETING,
                REQUEST_AD_HOC_MEETING, MEETING_DECISION, CREATE_PROJECT, VALID);
        verify(openConsultation, times(2)).execute(any(DelegateExecution.class));
        verify(checkDuplicate, times(2)).execute(any(DelegateExecution.class));
        verify(awaitMeeting, times(2)).execute(any(DelegateExecution.class));
        verify(requestAdHocMeeting, times(1)).execute(any(DelegateExecution.class));
        verify(recordConsultation, times(4 * DEPARTMENTS.size())).notify(any(DelegateTask.class));
        verify(returnLead, times(1)).execute(any(DelegateExecution.class));
        verify(createProject).execute(any(DelegateExecution.class));
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(lead.getId())
                .taskDefinitionKey(ANSWER_CONSULTATION).count()).isEqualTo(2L * DEPARTMENTS.size());
    }

    @Test
    @DisplayName("meeting MORE_INFO → resubmitted → found incomplete: the return no longer sees the old meeting decision")
    void moreInformationThenIncomplete() throws Exception {
        ProcessInstance lead = reachMeeting(lead());
        decideAtMeeting(lead, "MORE_INFO", "请补充能耗测算");
        supplement(lead, "RESUBMIT", Map.of());

        checkCompleteness(lead, "INCOMPLETE", "能耗测算缺少盖章");

        assertThat(lead).isWaitingAt(SUPPLEMENT_LEAD);
        assertThat(meetingDecisionSeenByReturn).containsExactly("MORE_INFO", null);
    }

    // ------------------------------------------------------------------ Withdrawn at any time (Message_LeadWithdrawn)

    @Test
    @DisplayName("lead reported → consulted → waiting for the meeting → reporter withdraws → withdrawn")
    void withdrawnWhileWaitingForTheMeeting() throws Exception {
        ProcessInstance lead = reachMeeting(lead());

        withdraw();

        assertThat(lead).isEnded().hasPassedInOrder(MEETING_DECISION, WITHDRAWAL_REQUESTED, WITHDRAW_ON_REQUEST,
                WITHDRAWN_ON_REQUEST).hasNotPassed(CREATE_PROJECT, ARCHIVE, WITHDRAW);
        verify(withdrawLead).execute(any(DelegateExecution.class));
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(lead.getId()).count()).isZero();
        verifyNoInteractions(createProject, archiveLead);
    }

    @Test
    @DisplayName("lead reported → in consultation, two departments answered → reporter withdraws → all open "
            + "consultation tasks and reminders are cancelled → withdrawn")
    void withdrawnDuringConsultation() throws Exception {
        ProcessInstance lead = reachConsultation();
        List<Task> tasks = consultationTasks(lead);
        answer(tasks.get(0), "AGREE");
        answer(tasks.get(1), "AGREE");

        withdraw();

        assertThat(lead).isEnded().hasPassedInOrder(WITHDRAWAL_REQUESTED, WITHDRAW_ON_REQUEST, WITHDRAWN_ON_REQUEST)
                .hasNotPassed(CLASSIFY, AWAIT_MEETING);
        assertThat(taskService.createTaskQuery().processInstanceId(lead.getId()).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(lead.getId()).count()).isZero();
        verify(withdrawLead).execute(any(DelegateExecution.class));
        verifyNoInteractions(remindConsultation, awaitMeeting);
    }

    @Test
    @DisplayName("lead reported → returned for supplement → reporter withdraws instead of answering → withdrawn")
    void withdrawnWhileBeingSupplemented() throws Exception {
        ProcessInstance lead = report(lead());
        checkCompleteness(lead, "INCOMPLETE", "缺少联系人");

        withdraw();

        assertThat(lead).isEnded().hasPassed(RETURN, WITHDRAW_ON_REQUEST, WITHDRAWN_ON_REQUEST).hasNotPassed(WITHDRAW);
        verify(withdrawLead).execute(any(DelegateExecution.class));
    }

    // ------------------------------------------------------------------ the lead and its steps

    /** A lead as the report form sends it (tongcheng §19): an industrial new-energy project, 1.5 亿元, domestic. */
    static Map<String, Object> lead() {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put(Var.COMPANY_NAME, "宣城储能科技有限公司");
        lead.put(Var.PROJECT_NAME, "年产2GWh储能电池项目");
        lead.put(Var.INDUSTRY, "NEW_ENERGY");
        lead.put(Var.PROJECT_CATEGORY, "INDUSTRIAL");
        lead.put(Var.TOTAL_INVESTMENT_WAN, 15000.0);
        lead.put(Var.FOREIGN_CAPITAL_USD_WAN, null);
        lead.put(Var.SOURCE_COUNTRY, null);
        lead.put(Var.LAND_REQUIRED, true);
        lead.put(Var.LAND_AREA_MU, 60.0);
        lead.put(Var.REPORTING_UNIT, "XC-SH");
        lead.put(Var.REFERRER, "张经理");
        lead.put(Var.REFERRER_ENTERPRISE, null);
        lead.put(Var.CONTACT_NAME, "王总");
        lead.put(Var.CONTACT_PHONE, "13800000000");
        assertThat(lead.keySet()).containsExactlyElementsOf(Var.REPORT_FIELDS);
        return lead;
    }

    /** The reporter (报送单位) submits the report form; camunda:initiator stores them as {@code reporter}. */
    ProcessInstance report(Map<String, Object> lead) {
        engine.getIdentityService().setAuthenticatedUserId(REPORTER);
        try {
            return runtimeService.startProcessInstanceByKey(LeadScreening.PROCESS_KEY, lead);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    ProcessInstance reachConsultation() {
        ProcessInstance lead = report(lead());
        checkCompleteness(lead, "COMPLETE");
        assertThat(lead).isWaitingAt(ANSWER_CONSULTATION);
        return lead;
    }

    ProcessInstance reachMeeting(Map<String, Object> report) {
        ProcessInstance lead = report(report);
        checkCompleteness(lead, "COMPLETE");
        answerAll(lead);
        assertThat(lead).isWaitingAt(MEETING_DECISION);
        return lead;
    }

    void checkCompleteness(ProcessInstance lead, String decision) {
        checkCompleteness(lead, decision, "资料齐全");
    }

    void checkCompleteness(ProcessInstance lead, String decision, String opinion) {
        complete(lead, CHECK_COMPLETENESS, Variables.createVariables().putValue(Var.DECISION, decision)
                .putValue(Var.OPINION, opinion));
    }

    void supplement(ProcessInstance lead, String decision, Map<String, Object> changes) {
        VariableMap variables = Variables.createVariables();
        variables.putAll(changes);
        complete(lead, SUPPLEMENT_LEAD, variables.putValue(Var.DECISION, decision));
    }

    void complete(ProcessInstance lead, String step, VariableMap variables) {
        assertThat(lead).isWaitingAt(step);
        taskService.complete(openTask(lead, step).getId(), variables);
    }

    void answerAll(ProcessInstance lead) {
        List<Task> tasks = consultationTasks(lead);
        assertThat(tasks).hasSize(DEPARTMENTS.size());
        tasks.forEach(task -> answer(task, "AGREE"));
    }

    void answer(Task task, String answer) {
        taskService.complete(task.getId(), Variables.createVariables().putValue(Var.ANSWER, answer)
                .putValue(Var.OPINION, "符合产业政策和准入要求"));
    }

    /** The research meeting delivers its decision on this lead, correlated by the lead id (business key). */
    void decideAtMeeting(ProcessInstance lead, String decision, String reason) {
        assertThat(lead).isWaitingAt(MEETING_DECISION);
        runtimeService.createMessageCorrelation(LeadScreening.MESSAGE_MEETING_DECISION)
                .processInstanceBusinessKey(BUSINESS_KEY)
                .setVariable(Var.MEETING_DECISION, decision)
                .setVariable(Var.MEETING_ID, MEETING_ID)
                .setVariable(Var.MEETING_REASON, reason)
                .correlateWithResult();
    }

    void withdraw() {
        runtimeService.createMessageCorrelation(LeadScreening.MESSAGE_LEAD_WITHDRAWN)
                .processInstanceBusinessKey(BUSINESS_KEY)
                .correlateWithResult();
    }

    Task openTask(ProcessInstance lead, String step) {
        return taskService.createTaskQuery().processInstanceId(lead.getId()).taskDefinitionKey(step).singleResult();
    }

    List<Task> consultationTasks(ProcessInstance lead) {
        return taskService.createTaskQuery().processInstanceId(lead.getId()).taskDefinitionKey(ANSWER_CONSULTATION)
                .list();
    }

    List<String> candidateGroupsOf(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).toList();
    }

    List<Job> overdueTimers(ProcessInstance lead) {
        return managementService.createJobQuery().processInstanceId(lead.getId()).timers()
                .activityId(CONSULTATION_OVERDUE).list();
    }
}
