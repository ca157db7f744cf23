package cn.zhaoshang.task;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Tells "no such task" (404) from "already completed" (409) and "not yours" (403). Reads without the
 * caller's authorizations and returns nothing but the facts needed for that answer.
 */
@Component
class TaskProbe {

    private final CommandExecutor commandExecutor;

    TaskProbe(ProcessEngineConfiguration configuration) {
        this.commandExecutor = ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired();
    }

    Optional<OpenTask> findOpen(String taskId) {
        return Optional.ofNullable(commandExecutor.execute(context -> {
            context.disableAuthorizationCheck();
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            return task == null ? null : new OpenTask(task.getTaskDefinitionKey(), task.getAssignee());
        }));
    }

    Optional<String> findOpenTaskId(String processInstanceId, String stepId) {
        return Optional.ofNullable(commandExecutor.execute(context -> {
            context.disableAuthorizationCheck();
            return context.getTaskManager().findTasksByProcessInstanceId(processInstanceId).stream()
                    .filter(task -> stepId.equals(task.getTaskDefinitionKey()))
                    .map(TaskEntity::getId).findFirst().orElse(null);
        }));
    }

    boolean wasCompleted(String taskId) {
        return Boolean.TRUE.equals(commandExecutor.execute(context -> {
            context.disableAuthorizationCheck();
            HistoricTaskInstanceEntity historic = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
            return historic != null && historic.getEndTime() != null;
        }));
    }

    record OpenTask(String stepId, String assignee) {
    }
}
