package cn.zhaoshang.fulfilment;

import cn.zhaoshang.support.ProcessModelTestSupport;
import static cn.zhaoshang.fulfilment.Fulfilment.Step.ASSESS;
import static cn.zhaoshang.fulfilment.Fulfilment.Step.CLEARANCE;
import static cn.zhaoshang.fulfilment.Fulfilment.Step.HONOUR_INCENTIVES;
import static cn.zhaoshang.fulfilment.Fulfilment.Step.RECORD_MILESTONE;
import static cn.zhaoshang.fulfilment.Fulfilment.Step.SECOND_ATTRACTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;

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
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.fulfilment.Fulfilment.Bean;
import cn.zhaoshang.fulfilment.Fulfilment.Form;
import cn.zhaoshang.fulfilment.Fulfilment.Var;
import cn.zhaoshang.system.Groups;

/**
 * Every path of process-models/Fulfilment.bpmn (履约跟踪; qiaocheng §七, chenzhou §3, tongcheng §25, panan-2022 §四.1):
 * the milestones recorded one after the other until all are reached, the non-interrupting warning when a milestone is
 * overdue, the progress check every cycle (智控预警), the assessment at the agreed date or on demand — which ends the
 * tracking — and the three outcomes (兑现, 二次招商, 清退). Service tasks and listeners are mocked by bean name; the
 * class must cover the whole model.
 */
@Deployment(resources = {
        "process-models/Fulfilment.bpmn",
        "forms/milestone.form",
        "forms/fulfilment-assessment.form",
        "forms/fulfilment-follow-up.form"})
class FulfilmentProcessTest extends ProcessModelTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = everyPathCovered();

    // element ids that are not user tasks (the user tasks are in Fulfilment.Step)
    static final String START = "StartEvent_FulfilmentStarted";
    static final String TRACKING = "SubProcess_Tracking";
    static final String PLAN = "Task_PlanNextMilestone";
    static final String ALL_DONE = "Gateway_AllMilestonesDone";
    static final String ALL_REACHED = "EndEvent_AllMilestonesReached";
    static final String MILESTONE_OVERDUE = "Timer_MilestoneOverdue";
    static final String ESCALATE = "Task_EscalateOverdueMilestone";
    static final String ESCALATED = "EndEvent_MilestoneEscalated";
    static final String AWAIT_ASSESSMENT = "Gateway_AwaitAssessment";
    static final String ASSESSMENT_DUE = "Timer_AssessmentDue";
    static final String ASSESSMENT_REQUESTED = "Event_AssessmentRequested";
    static final String TRACKING_ENDED = "EndEvent_TrackingEnded";
    static final String PROGRESS_CHECK_DUE = "StartEvent_ProgressCheckDue";
    static final String FLAG_STALE = "Task_FlagStaleProgress";
    static final String PROGRESS_CHECKED = "EndEvent_ProgressChecked";
    static final String ASSESSMENT_RESULT = "Gateway_AssessmentResult";
    static final String CLOSE = "Task_CloseFulfilment";
    static final String CLOSED = "EndEvent_FulfilmentClosed";

    static final long PROJECT_ID = 3107L;
    static final String BUSINESS_KEY = String.valueOf(PROJECT_ID);
    static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z");
    /** the agreed assessment date: three years after signing. */
    static final Instant ASSESSMENT_DUE_AT = NOW.plus(Duration.ofDays(3 * 365));
    /** the cycle of the stale-progress check: every 30 days from the start (ISO-8601 repeating interval). */
    static final String CYCLE = "R/P30D";
    static final Duration CYCLE_PERIOD = Duration.ofDays(30);
    /** each milestone is due 90 days after the previous one was planned. */
    static final Duration MILESTONE_PERIOD = Duration.ofDays(90);
    /** an industrial project that needs land: all eight milestones. */
    static final List<String> MILESTONES = Fulfilment.MILESTONES;

    JavaDelegate planNextMilestone = mock(JavaDelegate.class);
    JavaDelegate escalateOverdueMilestone = mock(JavaDelegate.class);
    JavaDelegate flagStaleProgress = mock(JavaDelegate.class);
    JavaDelegate closeFulfilment = mock(JavaDelegate.class);
    TaskListener recordMilestone = mock(TaskListener.class);
    TaskListener recordAssessment = mock(TaskListener.class);

    /** how many milestones the stand-in for planNextMilestoneDelegate has handed out. */
    int planned;
    /** "milestone reachedOn evidence" as recordMilestoneListener saw them on complete. */
    List<String> milestonesRecorded = new ArrayList<>();
    /** the milestone whose warning escalateOverdueMilestoneDelegate sent. */
    List<Object> milestonesEscalated = new ArrayList<>();
    /** "assessment opinion" as closeFulfilmentDelegate saw them. */
    List<String> closedWith = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        ClockUtil.setCurrentTime(Date.from(NOW));

        // the real delegate reads the agreed milestones and what is recorded; this one hands them out in order
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            boolean done = planned == MILESTONES.size();
            execution.setVariable(Var.ALL_MILESTONES_DONE, done);
            if (!done) {
                execution.setVariable(Var.NEXT_MILESTONE, MILESTONES.get(planned));
                execution.setVariable(Var.NEXT_MILESTONE_DUE_AT, dueAtOfNext().toString());
                planned++;
            }
            return null;
        }).when(planNextMilestone).execute(any(DelegateExecution.class));
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            milestonesRecorded.add(task.getVariable(Var.MILESTONE) + " " + task.getVariable(Var.REACHED_ON) + " "
                    + task.getVariable(Var.EVIDENCE));
            return null;
        }).when(recordMilestone).notify(any(DelegateTask.class));
        doAnswer(call -> {
            milestonesEscalated.add(((DelegateExecution) call.getArgument(0)).getVariable(Var.NEXT_MILESTONE));
            return null;
        }).when(escalateOverdueMilestone).execute(any(DelegateExecution.class));
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            closedWith.add(execution.getVariable(Var.ASSESSMENT) + " " + execution.getVariable(Var.OPINION));
            return null;
        }).when(closeFulfilment).execute(any(DelegateExecution.class));

        Mocks.register(Bean.PLAN_NEXT_MILESTONE, planNextMilestone);
        Mocks.register(Bean.RECORD_MILESTONE, recordMilestone);
        Mocks.register(Bean.ESCALATE_MILESTONE, escalateOverdueMilestone);
        Mocks.register(Bean.FLAG_STALE, flagStaleProgress);
        Mocks.register(Bean.RECORD_ASSESSMENT, recordAssessment);
        Mocks.register(Bean.CLOSE_FULFILMENT, closeFulfilment);
    }

    // ------------------------------------------------------------------ Milestones (qiaocheng §七, tongcheng §25)

    @Test
    @DisplayName("signed → 注册、供地、开工、竣工、投产、入库纳统、入规、达产 recorded in order → all reached → the agreed "
            + "assessment date comes → COMPLIANT → incentives honoured (兑现) → closed")
    void allMilestonesThenAssessmentAtTheAgreedDate() throws Exception {
        ProcessInstance fulfilment = start();
        assertThat(fulfilment).hasBusinessKey(BUSINESS_KEY).hasPassedInOrder(START, PLAN, ALL_DONE)
                .isWaitingAt(RECORD_MILESTONE, AWAIT_ASSESSMENT);

        for (String milestone : MILESTONES) {
            assertThat(taskFormVariables(fulfilment).get(Var.MILESTONE)).as("the form shows the milestone to record")
                    .isEqualTo(milestone);
            recordMilestone(fulfilment);
        }

        assertThat(fulfilment).hasPassed(ALL_REACHED).isWaitingAt(AWAIT_ASSESSMENT).isNotEnded();
        assertThat(milestonesRecorded).containsExactlyElementsOf(MILESTONES.stream()
                .map(m -> m + " 2025-06-01 " + evidenceOf(m)).toList());
        assertThat(userTasksOf(fulfilment)).containsExactlyElementsOf(MILESTONES.stream().map(m -> RECORD_MILESTONE)
                .toList());
        verify(planNextMilestone, times(MILESTONES.size() + 1)).execute(any(DelegateExecution.class));
        assertThat(runtimeService.getVariables(fulfilment.getId())).as("what was recorded is not kept in the process")
                .doesNotContainKeys(Var.MILESTONE, Var.REACHED_ON, Var.EVIDENCE)
                .containsEntry(Var.ALL_MILESTONES_DONE, true);
        assertThat(timerIds(fulfilment)).as("no milestone left to be overdue")
                .containsExactlyInAnyOrder(ASSESSMENT_DUE, PROGRESS_CHECK_DUE);

        Job assessmentDue = timer(fulfilment, ASSESSMENT_DUE);
        assertThat(assessmentDue.getDuedate()).isEqualTo(Date.from(ASSESSMENT_DUE_AT));
        ClockUtil.setCurrentTime(Date.from(ASSESSMENT_DUE_AT.plusSeconds(60)));
        managementService.executeJob(assessmentDue.getId());

        assertThat(fulfilment).hasPassedInOrder(ALL_REACHED, ASSESSMENT_DUE, TRACKING_ENDED).isWaitingAt(ASSESS);
        assess(fulfilment, "COMPLIANT", "投资额、开工、投产和税收指标均达到协议约定");
        followUp(fulfilment, HONOUR_INCENTIVES, "已按协议兑现设备投资补助 300 万元");

        assertThat(fulfilment).isEnded().hasPassedInOrder(ASSESS, ASSESSMENT_RESULT, HONOUR_INCENTIVES, CLOSE, CLOSED)
                .hasNotPassed(ASSESSMENT_REQUESTED, ESCALATE, SECOND_ATTRACTION, CLEARANCE);
        assertThat(closedWith).containsExactly("COMPLIANT 已按协议兑现设备投资补助 300 万元");
        verifyNoInteractions(escalateOverdueMilestone, flagStaleProgress);
    }

    @Test
    @DisplayName("Recording a milestone (记录履约节点) is a task of the carrier with the milestone form, due when the "
            + "milestone is due, the milestone preset and nothing of the previous milestone left in the form")
    void recordMilestoneTask() throws IOException {
        ProcessInstance fulfilment = start();

        Task task = openTask(fulfilment, RECORD_MILESTONE);
        assertThat(task).hasCandidateGroup(Groups.CARRIER).isNotAssigned().hasDueDate(Date.from(NOW.plus(MILESTONE_PERIOD)));
        assertDeployedForm(task, Form.RECORD_MILESTONE);
        assertThat(runtimeService.getVariables(fulfilment.getId())).containsEntry(Var.NEXT_MILESTONE, "REGISTERED")
                .containsEntry(Var.NEXT_MILESTONE_DUE_AT, NOW.plus(MILESTONE_PERIOD).toString())
                .containsEntry(Var.ALL_MILESTONES_DONE, false);

        recordMilestone(fulfilment);

        Task next = openTask(fulfilment, RECORD_MILESTONE);
        assertThat(next.getId()).isNotEqualTo(task.getId());
        assertThat(next).hasDueDate(Date.from(NOW.plus(MILESTONE_PERIOD)));
        VariableMap form = engine.getFormService().getTaskFormVariables(next.getId());
        assertThat(form.get(Var.MILESTONE)).isEqualTo("LAND_SUPPLIED");
        assertThat(form.get(Var.REACHED_ON)).as("an empty form for the next milestone").isNull();
        assertThat(form.get(Var.EVIDENCE)).isNull();
        assertThat(milestonesRecorded).containsExactly("REGISTERED 2025-06-01 " + evidenceOf("REGISTERED"));
    }

    @Test
    @DisplayName("A milestone past its due date: warning to the responsible leader and the supervision office (预警) once, "
            + "the task stays open and can still be recorded; the next milestone has its own due date")
    void overdueMilestoneEscalates() throws Exception {
        ProcessInstance fulfilment = start();
        recordMilestone(fulfilment);
        Task late = openTask(fulfilment, RECORD_MILESTONE);
        Job overdue = timer(fulfilment, MILESTONE_OVERDUE);
        Instant due = NOW.plus(MILESTONE_PERIOD);
        assertThat(overdue.getDuedate()).as("the same time as the task's due date").isEqualTo(Date.from(due))
                .isEqualTo(late.getDueDate());
        assertThat(executableJobs(fulfilment)).isEmpty();

        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        assertThat(executableJobs(fulfilment)).contains(overdue.getId());
        managementService.executeJob(overdue.getId());

        assertThat(fulfilment).hasPassedInOrder(MILESTONE_OVERDUE, ESCALATE, ESCALATED).isWaitingAt(RECORD_MILESTONE);
        assertThat(milestonesEscalated).containsExactly("LAND_SUPPLIED");
        assertThat(openTask(fulfilment, RECORD_MILESTONE).getId()).as("the same task is still open")
                .isEqualTo(late.getId());
        assertThat(timerIds(fulfilment)).as("fires once").doesNotContain(MILESTONE_OVERDUE);

        recordMilestone(fulfilment);

        assertThat(milestonesRecorded).hasSize(2);
        assertThat(milestonesRecorded.get(1)).startsWith("LAND_SUPPLIED");
        assertThat(timer(fulfilment, MILESTONE_OVERDUE).getDuedate()).as("the next milestone's due date")
                .isEqualTo(Date.from(due.plusSeconds(60).plus(MILESTONE_PERIOD)));
        verify(escalateOverdueMilestone, times(1)).execute(any(DelegateExecution.class));
    }

    // ------------------------------------------------------------------ Progress check (panan-2022 §四.1 智控预警)

    @Test
    @DisplayName("The progress check (智控预警) fires every cycle while milestones are recorded, without touching the "
            + "open milestone task")
    void progressCheckEveryCycle() throws Exception {
        ProcessInstance fulfilment = start();
        Task open = openTask(fulfilment, RECORD_MILESTONE);
        Job first = timer(fulfilment, PROGRESS_CHECK_DUE);
        assertThat(first.getDuedate()).isEqualTo(Date.from(NOW.plus(CYCLE_PERIOD)));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(CYCLE_PERIOD).plusSeconds(60)));
        managementService.executeJob(first.getId());

        verify(flagStaleProgress, times(1)).execute(any(DelegateExecution.class));
        assertThat(fulfilment).hasPassedInOrder(PROGRESS_CHECK_DUE, FLAG_STALE, PROGRESS_CHECKED)
                .isWaitingAt(RECORD_MILESTONE, AWAIT_ASSESSMENT);
        Job second = timer(fulfilment, PROGRESS_CHECK_DUE);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(second.getDuedate()).as("the next cycle, counted from the start")
                .isEqualTo(Date.from(NOW.plus(CYCLE_PERIOD.multipliedBy(2))));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(CYCLE_PERIOD.multipliedBy(2)).plusSeconds(60)));
        managementService.executeJob(second.getId());

        verify(flagStaleProgress, times(2)).execute(any(DelegateExecution.class));
        assertThat(timer(fulfilment, PROGRESS_CHECK_DUE).getDuedate())
                .isEqualTo(Date.from(NOW.plus(CYCLE_PERIOD.multipliedBy(3))));
        assertThat(openTask(fulfilment, RECORD_MILESTONE).getId()).as("the milestone task is not touched")
                .isEqualTo(open.getId());
        recordMilestone(fulfilment);
        assertThat(milestonesRecorded).hasSize(1);
    }

    @Test
    @DisplayName("Cycles missed while the application was down fire once, not once per missed cycle")
    void missedCyclesFireOnce() throws Exception {
        ProcessInstance fulfilment = start();
        Job first = timer(fulfilment, PROGRESS_CHECK_DUE);

        // down from day 20 to day 100: the checks of day 30, 60 and 90 were missed
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(100))));
        assertThat(executableJobs(fulfilment)).contains(first.getId());
        managementService.executeJob(first.getId());

        verify(flagStaleProgress, times(1)).execute(any(DelegateExecution.class));
        Job next = timer(fulfilment, PROGRESS_CHECK_DUE);
        assertThat(next.getDuedate()).isEqualTo(Date.from(NOW.plus(CYCLE_PERIOD.multipliedBy(4))));
        assertThat(executableJobs(fulfilment)).as("only the milestone warning (due on day 90) is still to fire")
                .containsExactly(timer(fulfilment, MILESTONE_OVERDUE).getId());
    }

    // ------------------------------------------------------------------ Assessment (qiaocheng §七)

    @Test
    @DisplayName("The agreed assessment date comes before all milestones are reached: the tracking ends — no open "
            + "milestone task, no timers, no subscription left — and the investment center assesses")
    void assessmentDateEndsTheTracking() throws Exception {
        ProcessInstance fulfilment = start();
        recordMilestone(fulfilment);
        recordMilestone(fulfilment);
        assertThat(timerIds(fulfilment)).containsExactlyInAnyOrder(MILESTONE_OVERDUE, ASSESSMENT_DUE,
                PROGRESS_CHECK_DUE);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(fulfilment.getId())
                .eventName(Fulfilment.MESSAGE_ASSESS_NOW).count()).isOne();

        ClockUtil.setCurrentTime(Date.from(ASSESSMENT_DUE_AT.plusSeconds(60)));
        managementService.executeJob(timer(fulfilment, ASSESSMENT_DUE).getId());

        assertThat(fulfilment).isWaitingAt(ASSESS).hasPassedInOrder(ASSESSMENT_DUE, TRACKING_ENDED)
                .hasNotPassed(ALL_REACHED, ASSESSMENT_REQUESTED);
        assertThat(openTask(fulfilment, RECORD_MILESTONE)).as("the milestone task is cancelled").isNull();
        assertThat(managementService.createJobQuery().processInstanceId(fulfilment.getId()).count())
                .as("no milestone warning, no progress check").isZero();
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(fulfilment.getId()).count()).isZero();
        assertThat(milestonesRecorded).hasSize(2);

        Task task = openTask(fulfilment, ASSESS);
        assertThat(task).hasCandidateGroup(Groups.INVESTMENT_CENTER).isNotAssigned();
        assertDeployedForm(task, Form.ASSESS);
        verifyNoInteractions(flagStaleProgress, escalateOverdueMilestone);
    }

    @Test
    @DisplayName("On demand (Message_AssessFulfilment) while a milestone is open: the tracking ends at once; asking "
            + "again finds nothing to correlate with")
    void assessmentOnDemandEndsTheTracking() {
        ProcessInstance fulfilment = start();
        recordMilestone(fulfilment);

        requestAssessment();

        assertThat(fulfilment).isWaitingAt(ASSESS).hasPassedInOrder(ASSESSMENT_REQUESTED, TRACKING_ENDED)
                .hasNotPassed(ASSESSMENT_DUE, ALL_REACHED);
        assertThat(taskService.createTaskQuery().processInstanceId(fulfilment.getId()).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly(ASSESS);
        assertThat(managementService.createJobQuery().processInstanceId(fulfilment.getId()).count()).isZero();
        assertThatThrownBy(this::requestAssessment).isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of("COMPLIANT", HONOUR_INCENTIVES, List.of(Groups.INVESTMENT_CENTER), "已兑现奖励 120 万元"),
                Arguments.of("UNDERPERFORMING", SECOND_ATTRACTION, List.of(Groups.CARRIER),
                        "已引入战略投资者，项目转型升级"),
                Arguments.of("SERIOUS_BREACH", CLEARANCE, List.of(Groups.CARRIER, Groups.JUSTICE_BUREAU),
                        "已依协议收回土地，解除协议"));
    }

    @ParameterizedTest(name = "assessed on demand {0} → {1}")
    @MethodSource("outcomes")
    @DisplayName("Each assessment leads to its follow-up (兑现 / 二次招商 / 清退) with the follow-up form, starting empty; "
            + "the follow-up's opinion reaches the closing delegate")
    void eachOutcomeHasItsFollowUp(String assessment, String followUp, List<String> groups, String done)
            throws IOException {
        ProcessInstance fulfilment = start();
        recordMilestone(fulfilment);
        requestAssessment();

        assess(fulfilment, assessment, "评估意见：" + assessment);

        assertThat(fulfilment).hasPassedInOrder(ASSESS, ASSESSMENT_RESULT).isWaitingAt(followUp)
                .variables().containsEntry(Var.ASSESSMENT, assessment);
        verify(recordAssessment).notify(any(DelegateTask.class));
        Task task = openTask(fulfilment, followUp);
        assertThat(candidateGroupsOf(task)).containsExactlyInAnyOrderElementsOf(groups);
        assertDeployedForm(task, Form.FOLLOW_UP);
        VariableMap form = engine.getFormService().getTaskFormVariables(task.getId());
        assertThat(form.get(Var.ASSESSMENT)).isEqualTo(assessment);
        assertThat(form.get(Var.OPINION)).as("the follow-up form starts empty").isNull();

        followUp(fulfilment, followUp, done);

        assertThat(fulfilment).isEnded().hasPassedInOrder(followUp, CLOSE, CLOSED);
        assertThat(closedWith).containsExactly(assessment + " " + done);
        assertThat(userTasksOf(fulfilment)).containsExactly(RECORD_MILESTONE, RECORD_MILESTONE, ASSESS, followUp);
    }

    // ------------------------------------------------------------------ the forms offer what the model expects

    @Test
    @DisplayName("The assessment form offers exactly the outcomes the gateway after the assessment tests; the milestone "
            + "form knows every milestone of Fulfilment.MILESTONES")
    void formsOfferWhatTheModelTests() throws IOException {
        BpmnModelInstance model;
        try (InputStream in = resource("process-models/Fulfilment.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        Pattern condition = Pattern.compile("\\$\\{\\s*assessment\\s*==\\s*'([A-Z_]+)'\\s*}");
        Set<String> tested = new TreeSet<>();
        for (SequenceFlow out : model.<ExclusiveGateway>getModelElementById(ASSESSMENT_RESULT).getOutgoing()) {
            Matcher m = condition.matcher(out.getConditionExpression().getTextContent());
            assertThat(m.find()).as(out.getId()).isTrue();
            tested.add(m.group(1));
        }
        assertThat(tested).containsExactlyInAnyOrder("COMPLIANT", "UNDERPERFORMING", "SERIOUS_BREACH");
        assertThat(offered("forms/fulfilment-assessment.form", Var.ASSESSMENT)).isEqualTo(tested);
        assertThat(offered("forms/fulfilment-follow-up.form", Var.ASSESSMENT)).isEqualTo(tested);
        assertThat(offered("forms/milestone.form", Var.MILESTONE)).containsExactlyInAnyOrderElementsOf(MILESTONES);
    }

    static Set<String> offered(String form, String key) throws IOException {
        try (InputStream in = resource(form)) {
            JsonNode json = new ObjectMapper().readTree(in);
            Set<String> values = new TreeSet<>();
            for (JsonNode component : json.path("components")) {
                if (key.equals(component.path("key").asText(null))) {
                    component.path("values").forEach(v -> values.add(v.path("value").asText()));
                }
            }
            return values;
        }
    }

    static InputStream resource(String name) {
        InputStream in = FulfilmentProcessTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    // ------------------------------------------------------------------ the fulfilment and its steps

    /** What the signing code hands to the process (AgreementReview's startFulfilmentDelegate). */
    static Map<String, Object> signedAgreement() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(Var.PROJECT_ID, PROJECT_ID);
        variables.put(Var.AGREEMENT_ID, 88L);
        variables.put(Var.COMPANY_NAME, "磐安中药材加工有限公司");
        variables.put(Var.PROJECT_NAME, "年加工5万吨中药饮片项目");
        variables.put(Var.ASSESSMENT_DUE_AT, ASSESSMENT_DUE_AT.toString());
        variables.put(Var.PROGRESS_CHECK_CYCLE, CYCLE);
        return variables;
    }

    ProcessInstance start() {
        return runtimeService.startProcessInstanceByKey(Fulfilment.PROCESS_KEY, BUSINESS_KEY, signedAgreement());
    }

    /** the next milestone is due 90 days from now. */
    static Instant dueAtOfNext() {
        return ClockUtil.getCurrentTime().toInstant().plus(MILESTONE_PERIOD);
    }

    static String evidenceOf(String milestone) {
        return "证明材料：" + milestone;
    }

    /** The carrier records the milestone the form shows (the form submits the preset milestone too). */
    void recordMilestone(ProcessInstance fulfilment) {
        Task task = openTask(fulfilment, RECORD_MILESTONE);
        String milestone = (String) taskFormVariables(fulfilment).get(Var.MILESTONE);
        taskService.complete(task.getId(), Variables.createVariables().putValue(Var.MILESTONE, milestone)
                .putValue(Var.REACHED_ON, "2025-06-01").putValue(Var.EVIDENCE, evidenceOf(milestone)));
    }

    void requestAssessment() {
        runtimeService.createMessageCorrelation(Fulfilment.MESSAGE_ASSESS_NOW).processInstanceBusinessKey(BUSINESS_KEY)
                .correlateWithResult();
    }

    void assess(ProcessInstance fulfilment, String assessment, String opinion) {
        assertThat(fulfilment).isWaitingAt(ASSESS);
        taskService.complete(openTask(fulfilment, ASSESS).getId(), Variables.createVariables()
                .putValue(Var.ASSESSMENT, assessment).putValue(Var.OPINION, opinion));
    }

    void followUp(ProcessInstance fulfilment, String step, String opinion) {
        assertThat(fulfilment).isWaitingAt(step);
        taskService.complete(openTask(fulfilment, step).getId(), Variables.createVariables()
                .putValue(Var.OPINION, opinion));
    }

    VariableMap taskFormVariables(ProcessInstance fulfilment) {
        return engine.getFormService().getTaskFormVariables(openTask(fulfilment, RECORD_MILESTONE).getId());
    }

    Task openTask(ProcessInstance fulfilment, String step) {
        return taskService.createTaskQuery().processInstanceId(fulfilment.getId()).taskDefinitionKey(step)
                .singleResult();
    }

    Job timer(ProcessInstance fulfilment, String activityId) {
        return managementService.createJobQuery().processInstanceId(fulfilment.getId()).timers().activityId(activityId)
                .singleResult();
    }

    List<String> timerIds(ProcessInstance fulfilment) {
        return managementService.createJobQuery().processInstanceId(fulfilment.getId()).timers().list().stream()
                .map(job -> managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult().getActivityId())
                .toList();
    }

    List<String> executableJobs(ProcessInstance fulfilment) {
        return managementService.createJobQuery().processInstanceId(fulfilment.getId()).executable().list().stream()
                .map(Job::getId).toList();
    }

    List<String> candidateGroupsOf(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).toList();
    }
}
