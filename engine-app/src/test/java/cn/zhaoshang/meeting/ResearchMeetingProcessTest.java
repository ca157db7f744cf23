package cn.zhaoshang.meeting;

import cn.zhaoshang.support.ProcessModelTestSupport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

import cn.zhaoshang.meeting.ResearchMeeting.Bean;
import cn.zhaoshang.meeting.ResearchMeeting.Form;
import cn.zhaoshang.meeting.ResearchMeeting.Var;
import cn.zhaoshang.system.Groups;

/**
 * Every path of process-models/ResearchMeeting.bpmn (panan-2022 §二.3: 每月研判，重大项目随时研判，以会议纪要形式反馈;
 * xuancheng-2019 §二.3: 确定有效线索并转办): the monthly timer start, the ad-hoc message start, the empty agenda that
 * closes the meeting without a task, and the meeting the secretary records. Beans are mocked by name; the monthly
 * cycle comes from a stand-in for the {@code meetingSchedule} bean, which the engine reads when the model is deployed.
 */
@Deployment(resources = {"process-models/ResearchMeeting.bpmn", "forms/meeting-record.form"})
class ResearchMeetingProcessTest extends ProcessModelTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = everyPathCovered();

    // element ids (the user task is in ResearchMeeting.Step)
    static final String MONTHLY_START = "StartEvent_MonthlyMeeting";
    static final String AD_HOC_START = "StartEvent_AdHocMeeting";
    static final String OPEN_MEETING = "Task_OpenMeeting";
    static final String AGENDA_EMPTY = "Gateway_AgendaEmpty";
    static final String CLOSE_EMPTY_MEETING = "Task_CloseEmptyMeeting";
    static final String CLOSED_EMPTY = "EndEvent_MeetingClosedEmpty";
    static final String RECORD_MEETING = ResearchMeeting.Step.RECORD_MEETING;
    static final String GENERATE_MINUTES = "Task_GenerateMinutes";
    static final String DELIVER_DECISIONS = "Task_DeliverDecisions";
    static final String MEETING_HELD = "EndEvent_MeetingHeld";

    static final ZoneId ZONE = ZoneId.systemDefault();
    /** a Monday morning early in March; the next monthly meeting is on the last day of the month. */
    static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z");
    /** what MeetingSchedule#monthlyCycle() might answer: 每月最后一天 9:00 (Quartz cron, seconds first). */
    static final String LAST_DAY_OF_MONTH_AT_NINE = "0 0 9 L * ?";

    /** Stand-in for the {@code meetingSchedule} bean: the timer start event calls {@code monthlyCycle()}. */
    public record MeetingScheduleStub(String cycle) {
        public String monthlyCycle() {
            return cycle;
        }
    }

    JavaDelegate openMeeting = mock(JavaDelegate.class);
    JavaDelegate closeEmptyMeeting = mock(JavaDelegate.class);
    TaskListener recordMeetingDecisions = mock(TaskListener.class);
    JavaDelegate generateMinutes = mock(JavaDelegate.class);
    JavaDelegate deliverMeetingDecisions = mock(JavaDelegate.class);

    /** what the open-meeting delegate saw: the meeting kind is known before the meeting opens. */
    final List<Object> kindSeenWhenOpening = new ArrayList<>();
    /** event name and submitted values the task listener saw. */
    final List<String> listenerEvents = new ArrayList<>();
    final List<Object> attendeesSeenByListener = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        // before the deployment (the extension deploys after @BeforeEach): the timer start is scheduled from now
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register(Bean.SCHEDULE, new MeetingScheduleStub(LAST_DAY_OF_MONTH_AT_NINE));
        Mocks.register(Bean.OPEN_MEETING, openMeeting);
        Mocks.register(Bean.CLOSE_EMPTY_MEETING, closeEmptyMeeting);
        Mocks.register(Bean.RECORD_DECISIONS, recordMeetingDecisions);
        Mocks.register(Bean.GENERATE_MINUTES, generateMinutes);
        Mocks.register(Bean.DELIVER_DECISIONS, deliverMeetingDecisions);
        doAnswer(invocation -> {
            DelegateTask task = invocation.getArgument(0);
            listenerEvents.add(task.getEventName());
            attendeesSeenByListener.add(task.getVariable(Var.ATTENDEES));
            return null;
        }).when(recordMeetingDecisions).notify(any(DelegateTask.class));
    }

    // ------------------------------------------------------------------ how a meeting starts

    @Test
    @DisplayName("月度会议: the monthly timer (每月最后一天 9:00) fires → meeting MONTHLY opened with 3 leads → "
            + "waits for the secretary; next month's meeting is scheduled")
    void monthlyTimerStartsAMeeting() {
        agendaOf(3);
        Job timer = monthlyTimer();
        assertThat(timer.getDuedate()).as("scheduled at deployment from meetingSchedule.monthlyCycle()")
                .isEqualTo(at(2025, 3, 31, 9));

        fire(timer);

        ProcessInstance meeting = onlyMeeting();
        assertThat(meeting).isWaitingAt(RECORD_MEETING)
                .hasPassedInOrder(MONTHLY_START, OPEN_MEETING, AGENDA_EMPTY)
                .hasNotPassed(AD_HOC_START, CLOSE_EMPTY_MEETING)
                .variables().containsEntry(Var.MEETING_KIND, "MONTHLY").containsEntry(Var.AGENDA_SIZE, 3)
                .doesNotContainKey(Var.REQUESTED_BY);
        assertThat(kindSeenWhenOpening).containsExactly("MONTHLY");
        assertThat(monthlyTimer().getDuedate()).as("the cycle repeats").isEqualTo(at(2025, 4, 30, 9));
    }

    @Test
    @DisplayName("临时会议: a major lead asks for an ad-hoc meeting (重大项目随时研判) → meeting AD_HOC opened, "
            + "requester, reason and lead passed on → waits for the secretary")
    void adHocMessageStartsAMeeting() {
        agendaOf(1);

        ProcessInstance meeting = requestAdHocMeeting();

        assertThat(meeting).isWaitingAt(RECORD_MEETING)
                .hasPassedInOrder(AD_HOC_START, OPEN_MEETING, AGENDA_EMPTY).hasNotPassed(MONTHLY_START)
                .variables().containsEntry(Var.MEETING_KIND, "AD_HOC")
                .containsEntry(Var.REQUESTED_BY, "system")
                .containsEntry(Var.REQUEST_REASON, "总投资3亿元以上重大产业项目，随时研判")
                .containsEntry(Var.TRIGGER_LEAD_ID, 42L);
        assertThat(kindSeenWhenOpening).containsExactly("AD_HOC");
        assertThat(monthlyTimer().getDuedate()).as("the monthly meeting stays scheduled")
                .isEqualTo(at(2025, 3, 31, 9));
    }

    @Test
    @DisplayName("monthly meeting with no lead waiting → closed empty, no task for anyone")
    void emptyAgendaClosesTheMeeting() throws Exception {
        agendaOf(0);

        fire(monthlyTimer());

        String meetingId = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ResearchMeeting.PROCESS_KEY).singleResult().getId();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(meetingId).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(meetingId).singleResult()
                .getEndActivityId()).isEqualTo(CLOSED_EMPTY);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(meetingId).count())
                .as("no user task at all").isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(meetingId)
                .orderPartiallyByOccurrence().asc().list().stream().map(a -> a.getActivityId()).toList())
                .containsExactly(MONTHLY_START, OPEN_MEETING, AGENDA_EMPTY, CLOSE_EMPTY_MEETING, CLOSED_EMPTY);
        verify(closeEmptyMeeting).execute(any(DelegateExecution.class));
        verifyNoInteractions(recordMeetingDecisions, generateMinutes, deliverMeetingDecisions);
    }

    // ------------------------------------------------------------------ the meeting itself

    @Test
    @DisplayName("the secretary's task is for the investment center (领导小组办公室), with the meeting record form")
    void recordTaskOfTheInvestmentCenter() throws IOException {
        agendaOf(2);
        ProcessInstance meeting = requestAdHocMeeting();

        Task task = taskService.createTaskQuery().processInstanceId(meeting.getId()).initializeFormKeys()
                .singleResult();

        assertThat(task).hasDefinitionKey(RECORD_MEETING).hasCandidateGroup(Groups.INVESTMENT_CENTER).isNotAssigned();
        assertThat(task.getCamundaFormRef().getKey()).isEqualTo(Form.RECORD_MEETING);
        try (InputStream deployed = engine.getFormService().getDeployedTaskForm(task.getId())) {
            assertThat(new String(deployed.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"" + Form.RECORD_MEETING + "\"")
                    .contains("\"path\": \"" + Var.ITEM_DECISIONS + "\"");
        }
    }

    @Test
    @DisplayName("meeting with 2 leads: secretary records VALID and INVALID → listener stores them → minutes → "
            + "decisions delivered → meeting held")
    void meetingRecordedMinutedAndDelivered() throws Exception {
        agendaOf(2);
        fire(monthlyTimer());
        ProcessInstance meeting = onlyMeeting();

        Task task = taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult();
        taskService.complete(task.getId(), Variables.createVariables()
                .putValue(Var.HELD_ON, "2025-03-31")
                .putValue(Var.ATTENDEES, "分管副县长（组长）\n县发改局\n县经商局\n县自然资源和规划局\n县投资促进中心")
                .putValue(Var.ITEM_DECISIONS, List.of(
                        item(41L, "VALID", "符合“1+3+3”产业导向", "新渥街道", "分管工业副县长"),
                        item(42L, "INVALID", "属限制类产能", null, null))));

        assertThat(meeting).isEnded()
                .hasPassedInOrder(MONTHLY_START, OPEN_MEETING, AGENDA_EMPTY, RECORD_MEETING, GENERATE_MINUTES,
                        DELIVER_DECISIONS, MEETING_HELD)
                .hasNotPassed(CLOSE_EMPTY_MEETING, CLOSED_EMPTY);
        InOrder order = inOrder(openMeeting, recordMeetingDecisions, generateMinutes, deliverMeetingDecisions);
        order.verify(openMeeting).execute(any(DelegateExecution.class));
        order.verify(recordMeetingDecisions).notify(any(DelegateTask.class));
        order.verify(generateMinutes).execute(any(DelegateExecution.class));
        order.verify(deliverMeetingDecisions).execute(any(DelegateExecution.class));
        assertThat(listenerEvents).as("the listener runs once, when the secretary completes the task")
                .containsExactly(TaskListener.EVENTNAME_COMPLETE);
        assertThat(attendeesSeenByListener.get(0)).asString().contains("分管副县长");
        verifyNoInteractions(closeEmptyMeeting);
    }

    // ------------------------------------------------------------------ helpers

    /** The open-meeting delegate takes {@code size} waiting leads onto the agenda. */
    void agendaOf(int size) {
        try {
            doAnswer(invocation -> {
                DelegateExecution execution = invocation.getArgument(0);
                kindSeenWhenOpening.add(execution.getVariable(Var.MEETING_KIND));
                execution.setVariable(Var.MEETING_ID, 2025031L);
                execution.setVariable(Var.AGENDA_SIZE, size);
                return null;
            }).when(openMeeting).execute(any(DelegateExecution.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ProcessInstance requestAdHocMeeting() {
        return runtimeService.createMessageCorrelation(ResearchMeeting.MESSAGE_AD_HOC_MEETING)
                .setVariable(Var.REQUESTED_BY, "system")
                .setVariable(Var.REQUEST_REASON, "总投资3亿元以上重大产业项目，随时研判")
                .setVariable(Var.TRIGGER_LEAD_ID, 42L)
                .correlateStartMessage();
    }

    Job monthlyTimer() {
        return managementService.createJobQuery().processDefinitionKey(ResearchMeeting.PROCESS_KEY).timers()
                .singleResult();
    }

    /** Moves the clock past the timer's due date and executes it, as the job executor would. */
    void fire(Job timer) {
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        managementService.executeJob(timer.getId());
    }

    ProcessInstance onlyMeeting() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ResearchMeeting.PROCESS_KEY)
                .singleResult();
    }

    static Date at(int year, int month, int day, int hour) {
        return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(ZONE).toInstant());
    }

    static Map<String, Object> item(Long leadId, String decision, String reason, String responsibleUnit,
            String taskForceLeader) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("leadId", leadId);
        item.put("decision", decision);
        item.put("reason", reason);
        item.put("responsibleUnit", responsibleUnit);
        item.put("taskForceLeader", taskForceLeader);
        return item;
    }
}
