package cn.zhaoshang.web;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.task.TaskDetails;

/**
 * The Camunda Form of a task: the deployed form of an open task, asked for each time (FormService), and the form a
 * process definition bound to a step, kept once read (a deployed definition never changes) for the labels of 已办.
 */
@Component
class TaskForms {

    private final TaskDetails details;
    private final ObjectMapper json;
    private final Map<String, Optional<CamundaForm>> byStep = new ConcurrentHashMap<>();

    TaskForms(TaskDetails details, ObjectMapper json) {
        this.details = details;
        this.json = json;
    }

    Optional<CamundaForm> ofTask(String taskId, String userId) {
        return Optional.ofNullable(details.form(taskId, userId)).map(source -> CamundaForm.parse(json, source));
    }

    Optional<CamundaForm> ofStep(String processDefinitionId, String stepId) {
        return byStep.computeIfAbsent(processDefinitionId + "/" + stepId, key -> Optional
                .ofNullable(details.formOf(processDefinitionId, stepId)).map(source -> CamundaForm.parse(json, source)));
    }
}
