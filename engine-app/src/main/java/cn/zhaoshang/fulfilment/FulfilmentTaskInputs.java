package cn.zhaoshang.fulfilment;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.task.TaskBodies;
import cn.zhaoshang.task.TaskFormInputs;

import static cn.zhaoshang.fulfilment.Fulfilment.Step;
import static cn.zhaoshang.fulfilment.Fulfilment.Var;

/**
 * Fulfilment steps through the domain API: a milestone {@code {reachedOn, evidence}}; the assessment
 * {@code {assessment: COMPLIANT|UNDERPERFORMING|SERIOUS_BREACH, opinion}}; a follow-up {@code {opinion}}. The listeners
 * check the values inside the engine.
 */
@Component
class FulfilmentTaskInputs implements TaskFormInputs {

    private final ObjectMapper json;

    FulfilmentTaskInputs(ObjectMapper json) {
        this.json = json;
    }

    record Body(String milestone, String reachedOn, String evidence, String assessment, String opinion) {
    }

    @Override
    public Set<String> steps() {
        return Set.of(Step.RECORD_MILESTONE, Step.ASSESS, Step.HONOUR_INCENTIVES, Step.SECOND_ATTRACTION, Step.CLEARANCE);
    }

    @Override
    public Map<String, Object> variables(String stepId, JsonNode raw) {
        Body body = TaskBodies.read(json, raw, Body.class);
        Map<String, Object> variables = new HashMap<>();
        switch (stepId) {
            case Step.RECORD_MILESTONE -> {
                if (body.milestone() != null) {
                    variables.put(Var.MILESTONE, body.milestone());
                }
                variables.put(Var.REACHED_ON, body.reachedOn());
                variables.put(Var.EVIDENCE, body.evidence());
            }
            case Step.ASSESS -> {
                variables.put(Var.ASSESSMENT, body.assessment());
                variables.put(Var.OPINION, body.opinion());
            }
            default -> variables.put(Var.OPINION, body.opinion());
        }
        return variables;
    }
}
