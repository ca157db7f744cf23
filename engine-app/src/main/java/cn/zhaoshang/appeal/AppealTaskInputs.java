package cn.zhaoshang.appeal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.task.TaskBodies;
import cn.zhaoshang.task.TaskFormInputs;

import static cn.zhaoshang.appeal.EnterpriseAppeal.Step;
import static cn.zhaoshang.appeal.EnterpriseAppeal.Var;

/** Appeal steps through the domain API: accept {@code {decision, assignedGroup, opinion}}, handle {@code {answer}}, supervise {@code {opinion}}. */
@Component
class AppealTaskInputs implements TaskFormInputs {

    private final ObjectMapper json;

    AppealTaskInputs(ObjectMapper json) {
        this.json = json;
    }

    record Body(String decision, String assignedGroup, String answer, String opinion) {
    }

    @Override
    public Set<String> steps() {
        return Set.of(Step.ACCEPT, Step.HANDLE, Step.SUPERVISE);
    }

    @Override
    public Map<String, Object> variables(String stepId, JsonNode raw) {
        Body body = TaskBodies.read(json, raw, Body.class);
        Map<String, Object> variables = new HashMap<>();
        if (Step.ACCEPT.equals(stepId)) {
            variables.put(Var.DECISION, body.decision());
            variables.put(Var.ASSIGNED_GROUP, body.assignedGroup());
        }
        if (Step.HANDLE.equals(stepId)) {
            variables.put(Var.ANSWER, body.answer());
        }
        variables.put(Var.OPINION, body.opinion());
        return variables;
    }
}
