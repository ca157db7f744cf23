package cn.zhaoshang.agreement;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The review tasks of an agreement that are still open when a reminder or escalation timer fires, and who holds them. */
@Component
class OverdueReviews {

    static final Set<String> REVIEW_STEPS = Set.of(AgreementReview.Step.REVIEW_BY_JUSTICE,
            AgreementReview.Step.REVIEW_BY_DEVZONE_LEGAL, AgreementReview.Step.DELIBERATE_BY_LEADING_GROUP);

    private final TaskService taskService;

    OverdueReviews(TaskService taskService) {
        this.taskService = taskService;
    }

    List<Task> open(DelegateExecution execution) {
        return taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active().unlimitedList().stream()
                .filter(task -> REVIEW_STEPS.contains(task.getTaskDefinitionKey())).toList();
    }

    List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }
}
