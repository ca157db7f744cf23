package cn.zhaoshang.approval;

import java.text.SimpleDateFormat;
import java.util.List;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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

    private final TaskService taskService;
    private final ProjectLedger ledger;

    OverdueSteps(TaskService taskService, ProjectLedger ledger) {
        this.taskService = taskService;
        this.ledger = ledger;
    }

    /** Calls {@code action} with each open approval step and who is responsible for it (assignee or groups). */
    void forEachOpenStep(DelegateExecution execution, BiConsumer<Task, List<String>> action) {
        List<Task> open = taskService.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn(LandingApproval.Step.APPROVAL_STEPS.toArray(String[]::new))
                .unlimitedList();
        for (Task task : open) {
            List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
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
