package cn.zhaoshang.task;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a feature accepts when one of its user tasks is completed through {@code POST /api/tasks/{id}/complete}: the
 * body turned into the variables the task's Camunda Form would submit, with a 400 (field errors) for what cannot be
 * right. The task listeners check again inside the engine, so the Tasklist path obeys the same rules.
 */
public interface TaskFormInputs {

    /** BPMN ids of the user tasks handled here. */
    Set<String> steps();

    Map<String, Object> variables(String stepId, JsonNode body);
}
