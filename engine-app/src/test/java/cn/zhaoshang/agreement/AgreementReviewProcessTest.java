package cn.zhaoshang.agreement;

import cn.zhaoshang.support.ProcessModelTestSupport;
import static cn.zhaoshang.agreement.AgreementReview.Step.DELIBERATE_BY_LEADING_GROUP;
import static cn.zhaoshang.agreement.AgreementReview.Step.REVIEW_BY_DEVZONE_LEGAL;
import static cn.zhaoshang.agreement.AgreementReview.Step.REVIEW_BY_JUSTICE;
import static cn.zhaoshang.agreement.AgreementReview.Step.REVISE_DRAFT;
import static cn.zhaoshang.agreement.AgreementReview.Step.SIGN_AGREEMENT;
import static cn.zhaoshang.agreement.AgreementReview.Step.SUBMIT_DRAFT;
import static cn.zhaoshang.agreement.AgreementReview.Step.SUPERVISE_OVERDUE_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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

import cn.zhaoshang.agreement.AgreementReview.Bean;
import cn.zhaoshang.agreement.AgreementReview.Form;
import cn.zhaoshang.agreement.AgreementReview.Var;
import cn.zhaoshang.system.Groups;

/**
 * Every path of process-models/AgreementReview.bpmn (谈判签约 + 合法性审查; qiaocheng §六, chenzhou §3): the draft and
 * its signing party, the justice bureau's legal review of a government agreement, the dev-zone legal review and the
 * leading group's deliberation of a dev-zone agreement, revision back to the same reviewer, withdrawal, rejection
 * (back to negotiation or the project ends), signing and the start of fulfilment, and the non-interrupting reminder
 * (催办 + 抄送) and escalation (督办) of every review. Service tasks and listeners are mocked by bean name; the class
 * must cover the whole model.
 */
@Deployment(resources = {
        "process-models/AgreementReview.bpmn",
        "forms/agreement-draft.form",
        "forms/legal-review.form",
        "forms/agreement-revise.form",
        "forms/supervise-overdue.form",
        "forms/agreement-sign.form"})
class AgreementReviewProcessTest extends ProcessModelTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = everyPathCovered();

    // element ids that are not in AgreementReview.Step
    static final String START = "StartEvent_ApprovedForAgreement";
    static final String SIGNING_PARTY = "Gateway_SigningParty";
    static final String REVISION_DECISION = "Gateway_RevisionDecision";
    static final String RETURN_TO_REVIEWER = "Gateway_ReturnToReviewer";
    static final String MARK_REJECTED = "Task_MarkAgreementRejected";
    static final String AFTER_REJECTION = "Gateway_AfterRejection";
    static final String ABANDONED = "EndEvent_AgreementAbandoned";
    static final String BACK_TO_NEGOTIATION = "EndEvent_BackToNegotiation";
    static final String PROJECT_ENDED = "EndEvent_ProjectEnded";
    static final String RECORD_SIGNING = "Task_RecordSigning";
    static final String START_FULFILMENT = "Task_StartFulfilment";
    static final String SIGNED = "EndEvent_AgreementSigned";
    static final String REMIND = "Task_RemindReviewer";
    static final String REMINDED = "EndEvent_ReviewerReminded";
    static final String ESCALATE = "Task_EscalateReview";
    static final String SUPERVISED = "EndEvent_OverdueReviewSupervised";

    static final long PROJECT_ID = 4711L;
    static final String BUSINESS_KEY = String.valueOf(PROJECT_ID);
    static final String NEGOTIATOR = "zhou.taskforce";
    static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z");
    /** the stub's deadlines: due (and reminded) after 5 days, escalated after 10 (twice the deadline). */
    static final Duration DUE = Duration.ofDays(5);
    static final Duration ESCALATION = Duration.ofDays(10);

    /** Who signs for our side, and the reviews the draft then goes through, in order (qiaocheng §六). */
    static final Map<String, List<String>> REVIEWS = Map.of(
            "GOVERNMENT", List.of(REVIEW_BY_JUSTICE),
            "DEV_ZONE", List.of(REVIEW_BY_DEVZONE_LEGAL, DELIBERATE_BY_LEADING_GROUP));

    /** review step, the signing party that reaches it, its candidate group, its name in the display names. */
    static Stream<Arguments> reviews() {
        return Stream.of(
                Arguments.of(REVIEW_BY_JUSTICE, "GOVERNMENT", Groups.JUSTICE_BUREAU, "司法局"),
                Arguments.of(REVIEW_BY_DEVZONE_LEGAL, "DEV_ZONE", Groups.DEVZONE_LEGAL, "开发区法务"),
                Arguments.of(DELIBERATE_BY_LEADING_GROUP, "DEV_ZONE", Groups.LEADING_GROUP, "领导小组"));
    }

    static Stream<Arguments> rejections() {
        return reviews().flatMap(review -> Stream.of("RENEGOTIATE", "END").map(after -> Arguments.of(
                review.get()[0], review.get()[1], review.get()[3], after,
                "RENEGOTIATE".equals(after) ? BACK_TO_NEGOTIATION : PROJECT_ENDED)));
    }

    /**
     * Stands in for the {@code reviewDeadlines} bean: the three no-arg methods the BPMN calls, a fixed time after the
     * engine clock (the real one counts working days).
     */
    public static final class TestDeadlines {
        public Date reviewDueAt() {
            return Date.from(ClockUtil.getCurrentTime().toInstant().plus(DUE));
        }

        public Date reminderAt() {
            return Date.from(ClockUtil.getCurrentTime().toInstant().plus(DUE));
        }

        public Date escalationAt() {
            return Date.from(ClockUtil.getCurrentTime().toInstant().plus(ESCALATION));
        }
    }

    TaskListener recordDraft = mock(TaskListener.class);
    TaskListener recordReview = mock(TaskListener.class);
    JavaDelegate remindReviewer = mock(JavaDelegate.class);
    JavaDelegate escalateReview = mock(JavaDelegate.class);
    JavaDelegate markRejected = mock(JavaDelegate.class);
    JavaDelegate recordSigning = mock(JavaDelegate.class);
    JavaDelegate startFulfilment = mock(JavaDelegate.class);
    TaskListener recordSupervision = mock(TaskListener.class);

    /** "step=decision" as recordAgreementReviewListener saw it on complete. */
    List<String> reviewsRecorded = new ArrayList<>();
    /** "decision/afterRejection" as markAgreementRejectedDelegate saw it. */
    List<String> rejectionsMarked = new ArrayList<>();
    /** "step: matter / opinion" as recordSupervisionListener saw them on complete. */
    List<String> supervisionsRecorded = new ArrayList<>();
    /** the last uploaded draft version (the domain REST API sets draftVersion on upload). */
    int draftVersion;

    @BeforeEach
    void setUp() throws Exception {
        ClockUtil.setCurrentTime(Date.from(NOW));

        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            reviewsRecorded.add(task.getTaskDefinitionKey() + "=" + task.getVariable(Var.DECISION));
            return null;
        }).when(recordReview).notify(any(DelegateTask.class));
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            rejectionsMarked.add(execution.getVariable(Var.DECISION) + "/" + execution.getVariable(Var.AFTER_REJECTION));
            return null;
        }).when(markRejected).execute(any(DelegateExecution.class));

        Mocks.register(Bean.RECORD_DRAFT, recordDraft);
        Mocks.register(Bean.RECORD_REVIEW, recordReview);
        Mocks.register(Bean.REMIND_REVIEWER, remindReviewer);
        Mocks.register(Bean.ESCALATE_REVIEW, escalateReview);
        Mocks.register(Bean.MARK_REJECTED, markRejected);
        Mocks.register(Bean.RECORD_SIGNING, recordSigning);
        // the real escalation says which review is overdue; the 督办 task keeps it for the supervision listener
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable(Var.SUPERVISED_MATTER, "项目 #" + PROJECT_ID + " 的审查已超过时限一倍仍未办结");
            return null;
        }).when(escalateReview).execute(any(DelegateExecution.class));
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            supervisionsRecorded.add(task.getTaskDefinitionKey() + ": " + task.getVariable(Var.SUPERVISED_MATTER) + " / "
                    + task.getVariable(Var.OPINION) + " / project " + task.getVariable(Var.PROJECT_ID));
            return null;
        }).when(recordSupervision).notify(any(DelegateTask.class));
        Mocks.register(Bean.START_FULFILMENT, startFulfilment);
        Mocks.register(Bean.RECORD_SUPERVISION, recordSupervision);
        Mocks.register(Bean.DEADLINES, new TestDeadlines());
    }

    // ------------------------------------------------------------------ Signed

    @Test
    @DisplayName("draft (以县政府名义) → 司法局 PASS → signed → fulfilment")
    void governmentAgreement() throws Exception {
        ProcessInstance agreement = start();

        assertThat(agreement).hasBusinessKey(BUSINESS_KEY).isWaitingAt(SUBMIT_DRAFT)
                .variables().containsEntry(Var.PROJECT_ID, PROJECT_ID).containsEntry(Var.NEGOTIATOR, NEGOTIATOR);
        Task draft = openTask(agreement, SUBMIT_DRAFT);
        assertThat(draft).isAssignedTo(NEGOTIATOR).hasName("提交协议草案");
        assertThat(draft.getDueDate()).isNull();
        assertDeployedForm(draft, Form.SUBMIT_DRAFT);

        submitDraft(agreement, "GOVERNMENT");
        assertThat(agreement).hasPassedInOrder(START, SUBMIT_DRAFT, SIGNING_PARTY).isWaitingAt(REVIEW_BY_JUSTICE);
        pass(agreement, REVIEW_BY_JUSTICE);

        assertThat(agreement).isWaitingAt(SIGN_AGREEMENT);
        Task sign = openTask(agreement, SIGN_AGREEMENT);
        assertThat(sign).isAssignedTo(NEGOTIATOR).hasName("签订协议");
        assertThat(sign.getDueDate()).isNull();
        assertDeployedForm(sign, Form.SIGN);
        sign(agreement);

        assertSigned(agreement, REVIEW_BY_JUSTICE);
        assertThat(agreement).hasNotPassed(REVIEW_BY_DEVZONE_LEGAL, DELIBERATE_BY_LEADING_GROUP);
        assertThat(reviewsRecorded).containsExactly(REVIEW_BY_JUSTICE + "=PASS");
    }

    @Test
    @DisplayName("draft (以开发区管委会名义) → 开发区法务 PASS → 领导小组 PASS → signed → fulfilment")
    void devZoneAgreement() throws Exception {
        ProcessInstance agreement = start();

        submitDraft(agreement, "DEV_ZONE");
        assertThat(agreement).isWaitingAt(REVIEW_BY_DEVZONE_LEGAL);
        pass(agreement, REVIEW_BY_DEVZONE_LEGAL);
        assertThat(agreement).isWaitingAt(DELIBERATE_BY_LEADING_GROUP);
        pass(agreement, DELIBERATE_BY_LEADING_GROUP);
        sign(agreement);

        assertSigned(agreement, REVIEW_BY_DEVZONE_LEGAL, DELIBERATE_BY_LEADING_GROUP);
        assertThat(agreement).hasNotPassed(REVIEW_BY_JUSTICE);
        assertThat(reviewsRecorded).containsExactly(REVIEW_BY_DEVZONE_LEGAL + "=PASS",
                DELIBERATE_BY_LEADING_GROUP + "=PASS");
    }

    private void assertSigned(ProcessInstance agreement, String... reviews) throws Exception {
        assertThat(agreement).isEnded()
                .hasPassedInOrder(START, SUBMIT_DRAFT, SIGNING_PARTY, reviews[0], SIGN_AGREEMENT, RECORD_SIGNING,
                        START_FULFILMENT, SIGNED)
                .hasNotPassed(REVISE_DRAFT, MARK_REJECTED, REMIND, ESCALATE, SUPERVISE_OVERDUE_REVIEW)
                .variables()
                .containsEntry(Var.CONTRACT_NUMBER, "磐招协〔2025〕18号")
                .containsEntry(Var.SIGNED_ON, "2025-03-20")
                .containsEntry(Var.AGREED_INVESTMENT_WAN, 32000.0)
                .containsEntry(Var.CONSTRUCTION_DUE_ON, "2025-09-20");
        List<String> userTasks = new ArrayList<>(List.of(SUBMIT_DRAFT));
        userTasks.addAll(List.of(reviews));
        userTasks.add(SIGN_AGREEMENT);
        assertThat(userTasksOf(agreement)).containsExactlyElementsOf(userTasks);
        verify(recordDraft).notify(any(DelegateTask.class));
        verify(recordReview, times(reviews.length)).notify(any(DelegateTask.class));
        verify(recordSigning).execute(any(DelegateExecution.class));
        verify(startFulfilment).execute(any(DelegateExecution.class));
        verifyNoInteractions(markRejected, remindReviewer, escalateReview);
    }

    // ------------------------------------------------------------------ Every review

    @ParameterizedTest(name = "{0} is a task of group {2} with the legal review form, due in 5 days")
    @MethodSource("reviews")
    @DisplayName("Every review is a task of its group, with the legal review form and a due date; its form starts empty")
    void reviewTask(String step, String signingParty, String group) throws IOException {
        ProcessInstance agreement = reach(step, signingParty);

        Task task = openTask(agreement, step);
        assertThat(task).hasCandidateGroup(group).isNotAssigned().hasDueDate(Date.from(NOW.plus(DUE)));
        assertDeployedForm(task, Form.LEGAL_REVIEW);
        VariableMap form = engine.getFormService().getTaskFormVariables(task.getId());
        assertThat(form).containsEntry(Var.COMPANY_NAME, "浙江磐安本草药业有限公司")
                .containsEntry(Var.SIGNING_PARTY, signingParty).containsEntry(Var.DRAFT_VERSION, 1);
        // not the earlier review's decision and opinion (the leading group after the dev-zone legal review)
        assertThat(form.get(Var.DECISION)).isNull();
        assertThat(form.get(Var.OPINION)).isNull();
        assertThat(form.get(Var.AFTER_REJECTION)).isNull();
    }

    // ------------------------------------------------------------------ Revised and back to the same reviewer

    static Stream<Arguments> revisions() {
        return Stream.of(
                Arguments.of("draft → 司法局 REVISE → revised → 司法局 PASS → signed → fulfilment",
                        REVIEW_BY_JUSTICE, "GOVERNMENT"),
                Arguments.of("draft → 开发区法务 REVISE → revised → 开发区法务 PASS → 领导小组 PASS → signed → fulfilment",
                        REVIEW_BY_DEVZONE_LEGAL, "DEV_ZONE"),
                Arguments.of("draft → 开发区法务 PASS → 领导小组 REVISE → revised → 领导小组 PASS (not 开发区法务 again) → "
                        + "signed → fulfilment", DELIBERATE_BY_LEADING_GROUP, "DEV_ZONE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("revisions")
    @DisplayName("Every review can send the draft back for revision; the revised draft goes to the same reviewer")
    void revisedDraftGoesBackToTheSameReviewer(String path, String step, String signingParty) throws Exception {
        ProcessInstance agreement = reach(step, signingParty);
        String firstReview = openTask(agreement, step).getId();

        review(agreement, step, "REVISE", "第十二条土地出让价款表述不符合规定，请删除“零地价”", null);

        assertThat(agreement).isWaitingAt(REVISE_DRAFT).variables()
                .containsEntry(Var.RETURNED_BY, step)
                .containsEntry(Var.REVIEW_POINTS, "第十二条土地出让价款表述不符合规定，请删除“零地价”");
        Task revise = openTask(agreement, REVISE_DRAFT);
        assertThat(revise).isAssignedTo(NEGOTIATOR).hasName("修改协议草案");
        assertThat(revise.getDueDate()).isNull();
        assertDeployedForm(revise, Form.REVISE_DRAFT);
        VariableMap form = engine.getFormService().getTaskFormVariables(revise.getId());
        assertThat(form).containsEntry(Var.REVIEW_POINTS, "第十二条土地出让价款表述不符合规定，请删除“零地价”");
        assertThat(form.get(Var.DECISION)).as("the negotiator's choice starts empty, not REVISE").isNull();

        upload(agreement);
        revise(agreement, "RESUBMIT");

        assertThat(agreement).hasPassedInOrder(step, REVISE_DRAFT, REVISION_DECISION, RETURN_TO_REVIEWER)
                .isWaitingAt(step).variables().containsEntry(Var.DRAFT_VERSION, 2);
        Task again = openTask(agreement, step);
        assertThat(again.getId()).isNotEqualTo(firstReview);
        assertThat(again).hasDueDate(Date.from(NOW.plus(DUE)));
        assertThat(engine.getFormService().getTaskFormVariables(again.getId()).get(Var.DECISION))
                .as("the second review starts empty").isNull();

        List<String> remaining = REVIEWS.get(signingParty);
        for (String next : remaining.subList(remaining.indexOf(step), remaining.size())) {
            pass(agreement, next);
        }
        sign(agreement);

        assertThat(agreement).isEnded().hasPassedInOrder(step, REVISE_DRAFT, step, SIGN_AGREEMENT, START_FULFILMENT,
                SIGNED).hasNotPassed(MARK_REJECTED);
        List<String> userTasks = new ArrayList<>(List.of(SUBMIT_DRAFT));
        userTasks.addAll(remaining.subList(0, remaining.indexOf(step) + 1));
        userTasks.add(REVISE_DRAFT);
        userTasks.addAll(remaining.subList(remaining.indexOf(step), remaining.size()));
        userTasks.add(SIGN_AGREEMENT);
        assertThat(userTasksOf(agreement)).as(path).containsExactlyElementsOf(userTasks);
        assertThat(reviewsRecorded).contains(step + "=REVISE", step + "=PASS");
        // the draft and the revision
        verify(recordDraft, times(2)).notify(any(DelegateTask.class));
        verify(startFulfilment).execute(any(DelegateExecution.class));
        verifyNoInteractions(markRejected);
    }

    @Test
    @DisplayName("draft → 司法局 REVISE → negotiator gives up (WITHDRAW) → marked → abandoned")
    void withdrawnAfterRevision() throws Exception {
        ProcessInstance agreement = reach(REVIEW_BY_JUSTICE, "GOVERNMENT");
        review(agreement, REVIEW_BY_JUSTICE, "REVISE", "请补充违约责任条款", null);

        revise(agreement, "WITHDRAW");

        assertThat(agreement).isEnded()
                .hasPassedInOrder(REVIEW_BY_JUSTICE, REVISE_DRAFT, REVISION_DECISION, MARK_REJECTED, AFTER_REJECTION,
                        ABANDONED)
                .hasNotPassed(RETURN_TO_REVIEWER, SIGN_AGREEMENT, BACK_TO_NEGOTIATION, PROJECT_ENDED);
        assertThat(rejectionsMarked).containsExactly("WITHDRAW/null");
        verify(recordDraft, times(2)).notify(any(DelegateTask.class));
        verifyNoInteractions(recordSigning, startFulfilment);
    }

    // ------------------------------------------------------------------ Rejected

    @ParameterizedTest(name = "draft → {2} REJECT ({3}) → marked → {4}")
    @MethodSource("rejections")
    @DisplayName("Every review can reject the draft; the project goes back to negotiation or ends")
    void rejected(String step, String signingParty, String reviewer, String afterRejection, String end)
            throws Exception {
        ProcessInstance agreement = reach(step, signingParty);

        review(agreement, step, "REJECT", "优惠条款违反国家规定，协议不予通过", afterRejection);

        assertThat(agreement).isEnded().hasPassedInOrder(step, MARK_REJECTED, AFTER_REJECTION, end)
                .hasNotPassed(REVISE_DRAFT, SIGN_AGREEMENT, ABANDONED)
                .variables().containsEntry(Var.DECISION, "REJECT").containsEntry(Var.AFTER_REJECTION, afterRejection)
                .containsEntry(Var.OPINION, "优惠条款违反国家规定，协议不予通过");
        assertThat(rejectionsMarked).containsExactly("REJECT/" + afterRejection);
        assertThat(reviewsRecorded).last().isEqualTo(step + "=REJECT");
        verifyNoInteractions(recordSigning, startFulfilment);
    }

    // ------------------------------------------------------------------ Overdue (催办, 督办)

    @ParameterizedTest(name = "{3} overdue: reminded (催办 + 抄送督考办) at 5 days, 督办 by supervision at 10, "
            + "the review stays open and is completed")
    @MethodSource("reviews")
    @DisplayName("Every review is reminded when due and escalated to supervision at twice the deadline, without "
            + "being interrupted")
    void reminderAndEscalation(String step, String signingParty, String group, String reviewer) throws Exception {
        ProcessInstance agreement = reach(step, signingParty);
        String reviewTask = openTask(agreement, step).getId();
        String suffix = step.substring("Task_".length());
        Job reminder = timer(agreement, "Timer_" + suffix + "Overdue");
        Job escalation = timer(agreement, "Timer_" + suffix + "Escalation");
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(NOW.plus(DUE)));
        assertThat(escalation.getDuedate()).isEqualTo(Date.from(NOW.plus(ESCALATION)));
        assertThat(executableTimers(agreement)).isEmpty();

        ClockUtil.setCurrentTime(Date.from(NOW.plus(DUE).plusSeconds(60)));
        assertThat(executableTimers(agreement)).containsExactly(reminder.getId());
        managementService.executeJob(reminder.getId());

        verify(remindReviewer).execute(any(DelegateExecution.class));
        verifyNoInteractions(escalateReview);
        assertThat(agreement).isWaitingAt(step).hasPassed(REMIND, REMINDED).hasNotPassed(ESCALATE);
        assertThat(openTask(agreement, step).getId()).as("the same review task is still open").isEqualTo(reviewTask);

        ClockUtil.setCurrentTime(Date.from(NOW.plus(ESCALATION).plusSeconds(60)));
        assertThat(executableTimers(agreement)).containsExactly(escalation.getId());
        managementService.executeJob(escalation.getId());

        verify(escalateReview).execute(any(DelegateExecution.class));
        assertThat(agreement).isWaitingAt(step, SUPERVISE_OVERDUE_REVIEW).hasPassed(ESCALATE)
                .hasNotPassed(SUPERVISED);
        Task supervise = openTask(agreement, SUPERVISE_OVERDUE_REVIEW);
        assertThat(supervise).hasCandidateGroup(Groups.SUPERVISION).isNotAssigned();
        assertDeployedForm(supervise, Form.SUPERVISE);
        VariableMap superviseForm = engine.getFormService().getTaskFormVariables(supervise.getId());
        assertThat(superviseForm.get(Var.OPINION)).as("the supervision form does not show a review opinion").isNull();
        assertThat(superviseForm.get(Var.SUPERVISED_MATTER)).as("it shows what is supervised")
                .isEqualTo("项目 #" + PROJECT_ID + " 的审查已超过时限一倍仍未办结");
        assertThat(openTask(agreement, step).getId()).as("the same review task is still open").isEqualTo(reviewTask);
        assertThat(managementService.createJobQuery().processInstanceId(agreement.getId()).count()).isZero();

        // the reviewer completes the review while supervision still has its 督办 task
        pass(agreement, step);
        assertThat(agreement).hasPassedInOrder(step, "Gateway_" + suffix + "Decision");
        assertThat(openTask(agreement, SUPERVISE_OVERDUE_REVIEW)).isNotNull();

        verifyNoInteractions(recordSupervision);
        taskService.complete(supervise.getId(), Variables.createVariables()
                .putValue(Var.OPINION, "请于3个工作日内办结并报督考办"));
        assertThat(agreement).hasPassed(SUPERVISED);
        assertThat(supervisionsRecorded).as("the 督办意见 goes to the ledger with what was supervised").containsExactly(
                SUPERVISE_OVERDUE_REVIEW + ": 项目 #" + PROJECT_ID + " 的审查已超过时限一倍仍未办结 / 请于3个工作日内办结并报督考办"
                        + " / project " + PROJECT_ID);
        assertThat(runtimeService.getVariable(agreement.getId(), Var.OPINION))
                .as("the supervision opinion stays with its task").isEqualTo("同意");

        List<String> remaining = REVIEWS.get(signingParty);
        for (String next : remaining.subList(remaining.indexOf(step) + 1, remaining.size())) {
            pass(agreement, next);
        }
        sign(agreement);
        assertThat(agreement).isEnded().hasPassed(SIGNED);
        verify(remindReviewer, times(1)).execute(any(DelegateExecution.class));
        verify(escalateReview, times(1)).execute(any(DelegateExecution.class));
    }

    @Test
    @DisplayName("A review passed before its deadline cancels its reminder and escalation")
    void reviewInTimeCancelsTheTimers() throws Exception {
        ProcessInstance agreement = reach(REVIEW_BY_DEVZONE_LEGAL, "DEV_ZONE");
        assertThat(managementService.createJobQuery().processInstanceId(agreement.getId()).timers().count())
                .isEqualTo(2);

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(2))));
        pass(agreement, REVIEW_BY_DEVZONE_LEGAL);

        List<Job> timers = managementService.createJobQuery().processInstanceId(agreement.getId()).timers().list();
        assertThat(timers).hasSize(2).extracting(Job::getDuedate).as("the leading group's own deadlines")
                .containsExactlyInAnyOrder(Date.from(NOW.plus(Duration.ofDays(2)).plus(DUE)),
                        Date.from(NOW.plus(Duration.ofDays(2)).plus(ESCALATION)));
        assertThat(openTask(agreement, DELIBERATE_BY_LEADING_GROUP))
                .hasDueDate(Date.from(NOW.plus(Duration.ofDays(2)).plus(DUE)));
        verifyNoInteractions(remindReviewer, escalateReview);
    }

    // ------------------------------------------------------------------ the agreement and its steps

    /** Landing approval approved: the Java side starts the review with the project and its negotiator. */
    ProcessInstance start() {
        return runtimeService.startProcessInstanceByKey(AgreementReview.PROCESS_KEY, BUSINESS_KEY,
                Variables.createVariables()
                        .putValue(Var.PROJECT_ID, PROJECT_ID)
                        .putValue(Var.COMPANY_NAME, "浙江磐安本草药业有限公司")
                        .putValue(Var.PROJECT_NAME, "中药饮片智能化生产线")
                        .putValue(Var.NEGOTIATOR, NEGOTIATOR));
    }

    /** The negotiator uploads a draft in the workbench: the domain REST API stores it and sets draftVersion. */
    void upload(ProcessInstance agreement) {
        runtimeService.setVariable(agreement.getId(), Var.DRAFT_VERSION, ++draftVersion);
    }

    void submitDraft(ProcessInstance agreement, String signingParty) {
        upload(agreement);
        taskService.complete(openTask(agreement, SUBMIT_DRAFT).getId(),
                Variables.createVariables().putValue(Var.SIGNING_PARTY, signingParty));
    }

    /** Starts an agreement signed by {@code signingParty} and passes the reviews before {@code step}. */
    ProcessInstance reach(String step, String signingParty) {
        ProcessInstance agreement = start();
        submitDraft(agreement, signingParty);
        List<String> reviews = REVIEWS.get(signingParty);
        for (String before : reviews.subList(0, reviews.indexOf(step))) {
            pass(agreement, before);
        }
        assertThat(agreement).isWaitingAt(step);
        return agreement;
    }

    void pass(ProcessInstance agreement, String step) {
        review(agreement, step, "PASS", "同意", null);
    }

    void review(ProcessInstance agreement, String step, String decision, String opinion, String afterRejection) {
        assertThat(agreement).isWaitingAt(step);
        VariableMap variables = Variables.createVariables().putValue(Var.DECISION, decision)
                .putValue(Var.OPINION, opinion);
        if (afterRejection != null) {
            variables.putValue(Var.AFTER_REJECTION, afterRejection);
        }
        taskService.complete(openTask(agreement, step).getId(), variables);
    }

    void revise(ProcessInstance agreement, String decision) {
        assertThat(agreement).isWaitingAt(REVISE_DRAFT);
        taskService.complete(openTask(agreement, REVISE_DRAFT).getId(), Variables.createVariables()
                .putValue(Var.DECISION, decision).putValue(Var.OPINION, "已按审查意见删除第十二条"));
    }

    /** What the sign form sends: form-js dates are ISO strings, numbers are numbers. */
    void sign(ProcessInstance agreement) {
        assertThat(agreement).isWaitingAt(SIGN_AGREEMENT);
        taskService.complete(openTask(agreement, SIGN_AGREEMENT).getId(), Variables.createVariables()
                .putValue(Var.CONTRACT_NUMBER, "磐招协〔2025〕18号")
                .putValue(Var.SIGNED_ON, "2025-03-20")
                .putValue(Var.AGREED_INVESTMENT_WAN, 32000.0)
                .putValue(Var.CONSTRUCTION_DUE_ON, "2025-09-20"));
    }

    Task openTask(ProcessInstance agreement, String step) {
        return taskService.createTaskQuery().processInstanceId(agreement.getId()).taskDefinitionKey(step)
                .initializeFormKeys().singleResult();
    }

    Job timer(ProcessInstance agreement, String timerId) {
        return managementService.createJobQuery().processInstanceId(agreement.getId()).timers().activityId(timerId)
                .singleResult();
    }

    List<String> executableTimers(ProcessInstance agreement) {
        return managementService.createJobQuery().processInstanceId(agreement.getId()).timers().executable().list()
                .stream().map(Job::getId).toList();
    }
}
