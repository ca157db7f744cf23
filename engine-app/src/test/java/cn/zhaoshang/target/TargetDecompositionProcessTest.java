package cn.zhaoshang.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.zhaoshang.support.ProcessModelTestSupport;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.target.Targets.Bean;
import cn.zhaoshang.target.Targets.Form;
import cn.zhaoshang.target.Targets.Step;
import cn.zhaoshang.target.Targets.Var;

/**
 * Every path of process-models/TargetDecomposition.bpmn (chenzhou-2017 §1: 分解及微调报请审定后下发实施): approved at
 * once; returned, revised and approved; returned and withdrawn. Beans are mocked by name.
 */
@Deployment(resources = {"process-models/TargetDecomposition.bpmn", "forms/targets-approve.form",
        "forms/targets-revise.form"})
class TargetDecompositionProcessTest extends ProcessModelTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = everyPathCovered();

    TaskListener recordDecision = mock(TaskListener.class);
    TaskListener revise = mock(TaskListener.class);
    JavaDelegate apply = mock(JavaDelegate.class);
    JavaDelegate withdraw = mock(JavaDelegate.class);

    @BeforeEach
    void beans() {
        Mocks.register(Bean.RECORD_DECISION, recordDecision);
        Mocks.register(Bean.REVISE, revise);
        Mocks.register(Bean.APPLY, apply);
        Mocks.register(Bean.WITHDRAW, withdraw);
    }

    ProcessInstance start() {
        return runtimeService.startProcessInstanceByKey(Targets.PROCESS_KEY, "7", Map.of(Var.PLAN_ID, 7L, Var.YEAR, 2027,
                Var.PLAN_KIND, "DECOMPOSITION", Var.PLAN_SUMMARY, "2027 年年度目标任务分解\n全县：新引进签约项目 30个"));
    }

    Task open(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    @Test
    @DisplayName("drafted → the county head approves → the targets take effect")
    void approvedAtOnce() throws Exception {
        ProcessInstance plan = start();
        Task approve = open(plan);
        assertThat(approve).hasDefinitionKey(Step.APPROVE).hasCandidateGroup(Groups.COUNTY_HEAD);
        assertDeployedForm(approve, Form.APPROVE);

        taskService.complete(approve.getId(), Map.of(Var.DECISION, "APPROVE"));

        assertThat(plan).isEnded().hasPassedInOrder("StartEvent_PlanDrafted", Step.APPROVE, "Gateway_TargetsApproved",
                "Task_ApplyTargets", "EndEvent_TargetsInEffect");
        verify(recordDecision).notify(any(DelegateTask.class));
        verify(apply).execute(any(DelegateExecution.class));
        verify(withdraw, never()).execute(any(DelegateExecution.class));
    }

    @Test
    @DisplayName("returned with an opinion → the center revises and resubmits → approved → in effect")
    void returnedRevisedApproved() throws Exception {
        ProcessInstance plan = start();
        taskService.complete(open(plan).getId(), Map.of(Var.DECISION, "RETURN", Var.OPINION, "尖山镇目标偏低"));
        Task revision = open(plan);
        assertThat(revision).hasDefinitionKey(Step.REVISE).hasCandidateGroup(Groups.INVESTMENT_CENTER);
        assertDeployedForm(revision, Form.REVISE);

        taskService.complete(revision.getId(), Map.of(Var.DECISION, "RESUBMIT"));
        assertThat(open(plan)).hasDefinitionKey(Step.APPROVE);
        taskService.complete(open(plan).getId(), Map.of(Var.DECISION, "APPROVE"));

        assertThat(plan).isEnded().hasPassed("Task_ApplyTargets", "EndEvent_TargetsInEffect");
        assertThat(userTasksOf(plan)).containsExactly(Step.APPROVE, Step.REVISE, Step.APPROVE);
        verify(recordDecision, times(2)).notify(any(DelegateTask.class));
        verify(revise).notify(any(DelegateTask.class));
        verify(apply).execute(any(DelegateExecution.class));
    }

    @Test
    @DisplayName("returned → withdrawn by the center → nothing takes effect")
    void returnedWithdrawn() throws Exception {
        ProcessInstance plan = start();
        taskService.complete(open(plan).getId(), Map.of(Var.DECISION, "RETURN", Var.OPINION, "与省下达任务不符"));
        taskService.complete(open(plan).getId(), Map.of(Var.DECISION, "WITHDRAW", Var.NOTE, "待省里下达任务后重新起草"));

        assertThat(plan).isEnded().hasPassed("Task_WithdrawTargets", "EndEvent_PlanWithdrawn")
                .hasNotPassed("Task_ApplyTargets");
        verify(withdraw).execute(any(DelegateExecution.class));
        verify(apply, never()).execute(any(DelegateExecution.class));
    }
}
