package cn.zhaoshang.target;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.task.TaskBodies;
import cn.zhaoshang.task.TaskFormInputs;

import static cn.zhaoshang.target.Targets.Step;
import static cn.zhaoshang.target.Targets.Var;

/**
 * Target plan steps through the domain API: the county head {@code {decision: APPROVE|RETURN, opinion}}; the center
 * after a return {@code {decision: RESUBMIT|WITHDRAW, note}}. The listeners check the values inside the engine.
 */
@Component
class TargetTaskInputs implements TaskFormInputs {

    private final ObjectMapper json;

    TargetTaskInputs(ObjectMapper json) {
        this.json = json;
    }

    record Body(String decision, String opinion, String note) {
    }

    @Override
    public Set<String> steps() {
        return Set.of(Step.APPROVE, Step.REVISE);
    }

    @Override
    public Map<String, Object> variables(String stepId, JsonNode raw) {
        Body body = TaskBodies.read(json, raw, Body.class);
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.DECISION, body.decision());
        if (Step.APPROVE.equals(stepId)) {
            variables.put(Var.OPINION, body.opinion());
        } else {
            variables.put(Var.NOTE, body.note());
        }
        return variables;
    }
}
