package cn.zhaoshang.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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

import cn.zhaoshang.incentive.IncentiveClaim.Bean;
import cn.zhaoshang.incentive.IncentiveClaim.Form;
import cn.zhaoshang.incentive.IncentiveClaim.Step;
import cn.zhaoshang.incentive.IncentiveClaim.Var;
import cn.zhaoshang.support.ProcessModelTestSupport;
import cn.zhaoshang.system.Groups;

/**
 * Every path of process-models/IncentiveClaim.bpmn (招商引资奖励兑现) with the real decision IncentiveAward: rejected
 * at verification; verified but nothing due (a referred project not in production → not eligible); verified, award
 * computed, rejected by finance; verified, approved, paid. Service tasks and listeners are mocked by bean name; the
 * DMN is evaluated by the engine with the facts the verification listener sets. The class must cover the whole model.
 */
@Deployment(resources = {
        "process-models/IncentiveClaim.bpmn",
        "process-models/IncentiveAward.dmn",
        "forms/incentive-claim-submit.form",
        "forms/incentive-claim-verify.form",
        "forms/incentive-claim-approve.form",
        "forms/incentive-claim-payout.form"})
class IncentiveClaimProcessTest extends ProcessModelTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = everyPathCovered();

    static final String START = "StartEvent_ClaimSubmitted";
    static final String REGISTER = "Task_RegisterClaim";
    static final String GATEWAY_VERIFIED = "Gateway_ClaimVerified";
    static final String EVALUATE = "Task_EvaluateAward";
    static final String RECORD_AWARD = "Task_RecordAward";
    static final String GATEWAY_DUE = "Gateway_AwardDue";
    static final String NOT_ELIGIBLE = "Task_MarkNotEligible";
    static final String END_NOT_ELIGIBLE = "EndEvent_NotEligible";
    static final String GATEWAY_FINANCE = "Gateway_FinanceApproved";
    static final String END_PAID = "EndEvent_Paid";
    static final String REJECT = "Task_RejectClaim";
    static final String END_REJECTED = "EndEvent_ClaimRejected";

    static final long CLAIM_ID = 77L;

    JavaDelegate registerClaim = mock(JavaDelegate.class);
    TaskListener recordVerification = mock(TaskListener.class);
    JavaDelegate recordAward = mock(JavaDelegate.class);
    JavaDelegate markNotEligible = mock(JavaDelegate.class);
    TaskListener recordFinanceApproval = mock(TaskListener.class);
    TaskListener recordPayout = mock(TaskListener.class);
    JavaDelegate rejectClaim = mock(JavaDelegate.class);

    /** the ledger facts the real verification listener would read: investment (万元), in production. */
    Map<String, Object> ledgerFacts = new LinkedHashMap<>();
    /** "rate fixed" as the award step saw the decision's result. */
    List<String> awards = new ArrayList<>();
    /** "decision opinion" as the rejection saw them. */
    List<String> rejections = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable(Var.CLAIM_ID, CLAIM_ID);
            execution.setProcessBusinessKey(String.valueOf(CLAIM_ID));
            return null;
        }).when(registerClaim).execute(any(DelegateExecution.class));
        // the real listener sets the DMN inputs from the ledger on VERIFY
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            if ("VERIFY".equals(task.getVariable(Var.DECISION))) {
                ledgerFacts.forEach(task.getExecution()::setVariable);
            }
            return null;
        }).when(recordVerification).notify(any(DelegateTask.class));
        // the real delegate multiplies out in BigDecimal; here: fixed amounts only
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            Number rate = (Number) execution.getVariable(Var.AWARD_RATE);
            Number fixed = (Number) execution.getVariable(Var.AWARD_FIXED_AMOUNT_YUAN);
            awards.add(rate + " " + fixed);
            execution.setVariable(Var.AMOUNT_YUAN, String.format("%.2f", fixed.doubleValue()));
            execution.setVariable(Var.AWARD_DUE, rate.doubleValue() > 0 || fixed.doubleValue() > 0);
            return null;
        }).when(recordAward).execute(any(DelegateExecution.class));
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            rejections.add(execution.getVariable(Var.DECISION) + " " + execution.getVariable(Var.OPINION));
            return null;
        }).when(rejectClaim).execute(any(DelegateExecution.class));

        Mocks.register(Bean.REGISTER_CLAIM, registerClaim);
        Mocks.register(Bean.RECORD_VERIFICATION, recordVerification);
        Mocks.register(Bean.RECORD_AWARD, recordAward);
        Mocks.register(Bean.MARK_NOT_ELIGIBLE, markNotEligible);
        Mocks.register(Bean.RECORD_FINANCE_APPROVAL, recordFinanceApproval);
        Mocks.register(Bean.RECORD_PAYOUT, recordPayout);
        Mocks.register(Bean.REJECT_CLAIM, rejectClaim);
    }

    @Test
    @DisplayName("referral claimed → verified (referred project 8000 万元, in production) → DMN 100 000 元 → finance "
            + "approves → payout recorded → paid")
    void verifiedApprovedPaid() throws IOException {
        ProcessInstance claim = submit();
        assertThat(claim).hasPassedInOrder(START, REGISTER).isWaitingAt(Step.VERIFY).hasBusinessKey("77");
        Task verify = openTask(claim, Step.VERIFY);
        assertThat(verify).hasCandidateGroup(Groups.INVESTMENT_CENTER);
        assertDeployedForm(verify, Form.VERIFY);
        assertThat(engine.getFormService().getTaskFormVariables(verify.getId()).get(Var.OPINION))
                .as("the verifier's opinion starts empty").isNull();

        ledgerFacts.put(Var.REFERRED_INVESTMENT_WAN, 8000.0);
        ledgerFacts.put(Var.PROJECT_IN_PRODUCTION, true);
        decide(claim, Step.VERIFY, "VERIFY", "台账核实：引荐企业一致，已投产");

        assertThat(claim).hasPassedInOrder(GATEWAY_VERIFIED, EVALUATE, RECORD_AWARD, GATEWAY_DUE)
                .isWaitingAt(Step.APPROVE_BY_FINANCE);
        assertThat(awards).containsExactly("0.0 100000.0");
        Task approve = openTask(claim, Step.APPROVE_BY_FINANCE);
        assertThat(approve).hasCandidateGroup(Groups.FINANCE);
        assertDeployedForm(approve, Form.APPROVE);
        VariableMap form = engine.getFormService().getTaskFormVariables(approve.getId());
        assertThat(form.get(Var.AMOUNT_YUAN)).isEqualTo("100000.00");
        assertThat(form.get(Var.OPINION)).as("finance's opinion starts empty").isNull();

        decide(claim, Step.APPROVE_BY_FINANCE, "APPROVE", "同意兑现");
        assertThat(claim).hasPassed(GATEWAY_FINANCE).isWaitingAt(Step.RECORD_PAYOUT);
        Task payout = openTask(claim, Step.RECORD_PAYOUT);
        assertThat(payout).hasCandidateGroup(Groups.FINANCE);
        assertDeployedForm(payout, Form.PAYOUT);
        taskService.complete(payout.getId(), Variables.createVariables().putValue(Var.PAID_ON, "2026-11-20")
                .putValue(Var.VOUCHER_NUMBER, "记-2026-1120-003"));

        assertThat(claim).isEnded().hasPassedInOrder(START, REGISTER, Step.VERIFY, GATEWAY_VERIFIED, EVALUATE,
                RECORD_AWARD, GATEWAY_DUE, Step.APPROVE_BY_FINANCE, GATEWAY_FINANCE, Step.RECORD_PAYOUT, END_PAID)
                .hasNotPassed(REJECT, NOT_ELIGIBLE);
        assertThat(userTasksOf(claim)).containsExactly(Step.VERIFY, Step.APPROVE_BY_FINANCE, Step.RECORD_PAYOUT);
        verifyNoInteractions(rejectClaim, markNotEligible);
    }

    @Test
    @DisplayName("new FDI claimed → verified with 600 万美元 paid in → DMN rate 0.001 → finance rejects with its reason "
            + "→ rejected")
    void financeRejects() {
        ProcessInstance claim = submit();
        ledgerFacts.put(Var.AWARD_TYPE, "FDI_NEW");
        ledgerFacts.put(Var.PAID_IN_FOREIGN_CAPITAL_USD_WAN, 600.0);
        decide(claim, Step.VERIFY, "VERIFY", null);
        assertThat(awards).containsExactly("0.001 0.0");

        decide(claim, Step.APPROVE_BY_FINANCE, "REJECT", "到位资金凭证与验资报告不符");

        assertThat(claim).isEnded().hasPassedInOrder(Step.APPROVE_BY_FINANCE, GATEWAY_FINANCE, REJECT, END_REJECTED)
                .hasNotPassed(Step.RECORD_PAYOUT, END_PAID);
        assertThat(rejections).containsExactly("REJECT 到位资金凭证与验资报告不符");
    }

    @Test
    @DisplayName("referral claimed → the center rejects it at verification with its reason → rejected, no award computed")
    void rejectedAtVerification() {
        ProcessInstance claim = submit();

        decide(claim, Step.VERIFY, "REJECT", "台账记录的引荐企业与申报企业不一致");

        assertThat(claim).isEnded().hasPassedInOrder(Step.VERIFY, GATEWAY_VERIFIED, REJECT, END_REJECTED)
                .hasNotPassed(EVALUATE, Step.APPROVE_BY_FINANCE);
        assertThat(rejections).containsExactly("REJECT 台账记录的引荐企业与申报企业不一致");
        assertThat(awards).isEmpty();
    }

    @Test
    @DisplayName("referral claimed → verified, but the referred project is not in production → DMN nothing → not "
            + "eligible, finance never asked")
    void notEligible() {
        ProcessInstance claim = submit();
        ledgerFacts.put(Var.REFERRED_INVESTMENT_WAN, 8000.0);
        ledgerFacts.put(Var.PROJECT_IN_PRODUCTION, false);

        decide(claim, Step.VERIFY, "VERIFY", null);

        assertThat(claim).isEnded().hasPassedInOrder(EVALUATE, RECORD_AWARD, GATEWAY_DUE, NOT_ELIGIBLE, END_NOT_ELIGIBLE)
                .hasNotPassed(Step.APPROVE_BY_FINANCE, REJECT);
        assertThat(awards).containsExactly("0.0 0.0");
        verifyNoInteractions(rejectClaim, recordFinanceApproval);
    }

    @Test
    @DisplayName("the start form is the claim form from the same deployment")
    void startForm() throws IOException {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(IncentiveClaim.PROCESS_KEY).singleResult().getId();
        try (var form = engine.getFormService().getDeployedStartForm(definitionId)) {
            assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"" + Form.SUBMIT + "\"");
        }
    }

    ProcessInstance submit() {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put(Var.AWARD_TYPE, "REFERRAL");
        claim.put(Var.PROJECT_ID, 3107L);
        claim.put(Var.CLAIMANT_NAME, "磐安县引荐实业有限公司");
        claim.put(Var.CLAIM_NOTE, "引进配套项目已投产");
        return runtimeService.startProcessInstanceByKey(IncentiveClaim.PROCESS_KEY, claim);
    }

    void decide(ProcessInstance claim, String step, String decision, String opinion) {
        taskService.complete(openTask(claim, step).getId(), Variables.createVariables()
                .putValue(Var.DECISION, decision).putValue(Var.OPINION, opinion));
    }

    Task openTask(ProcessInstance claim, String step) {
        return taskService.createTaskQuery().processInstanceId(claim.getId()).taskDefinitionKey(step).singleResult();
    }
}
