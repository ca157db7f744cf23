package cn.zhaoshang.approval;

import java.text.SimpleDateFormat;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;

/**
 * The approval step a reminder or escalation timer belongs to. The timers of all steps share one
 * reminder task and one escalation task in the model; the steps run one after another, so the open
 * approval step of the instance is the overdue one.
 */
@Component
class OverdueSteps {

    private final ProjectLedger ledger;

    OverdueSteps(ProjectLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Calls {@code action} with each open approval step and who is responsible for it (assignee or groups). Read from
     * the engine's entities of the running command (the instance's tasks and their candidate links, two indexed
     * selects) rather than through a TaskQuery: the query's dynamic SQL cost a ten-thousand-reminder morning more CPU
     * than the reminders themselves (docs/performance.md, W3).
     */
    void forEachOpenStep(DelegateExecution execution, BiConsumer<Task, List<String>> action) {
        List<TaskEntity> open = Context.getCommandContext().getTaskManager()
                .findTasksByProcessInstanceId(execution.getProcessInstanceId()).stream()
                .filter(task -> LandingApproval.Step.APPROVAL_STEPS.contains(task.getTaskDefinitionKey()))
                .sorted(Comparator.comparing(TaskEntity::getId))
                .toList();
        for (TaskEntity task : open) {
            List<String> groups = task.getIdentityLinks().stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId)
                    .toList();
            action.accept(task, groups);
        }
    }

    void record(DelegateExecution execution, String eventType, String note) {
        ledger.note(ApplicationVariables.projectId(execution), eventType, ProjectLedger.SYSTEM_ACTOR, note);
    }

    static String describe(DelegateExecution execution, Task task) {
        String due = task.getDueDate() == null ? "未设定" : new SimpleDateFormat("yyyy-MM-dd HH:mm").format(task.getDueDate());
        return "「" + execution.getVariable(LandingApproval.Var.PROJECT_NAME) + "」（"
                + execution.getVariable(LandingApproval.Var.COMPANY_NAME) + "）的「" + task.getName() + "」已于 " + due
                + " 到期";
    }
}
