package cn.zhaoshang.assessment;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.task.TaskBodies;
import cn.zhaoshang.task.TaskFormInputs;

import static cn.zhaoshang.assessment.Assessment.Step;
import static cn.zhaoshang.assessment.Assessment.Var;

/**
 * The assessment calendar's steps through the domain API: an interview {@code {heldOn, participants, record, measures}};
 * a 离岗招商 report {@code {departedOn, destination, record}}; the quarterly dispatch {@code {instructions}}.
 */
@Component
class AssessmentTaskInputs implements TaskFormInputs {

    private final ObjectMapper json;

    AssessmentTaskInputs(ObjectMapper json) {
        this.json = json;
    }

    record Body(String heldOn, String participants, String record, String measures, String departedOn,
            String destination, String instructions) {
    }

    @Override
    public Set<String> steps() {
        return Set.of(Step.INTERVIEW, Step.REPORT_OFFICE_OUT, Step.DISPATCH_QUARTER);
    }

    @Override
    public Map<String, Object> variables(String stepId, JsonNode raw) {
        Body body = TaskBodies.read(json, raw, Body.class);
        Map<String, Object> variables = new HashMap<>();
        switch (stepId) {
            case Step.INTERVIEW -> {
                variables.put(Var.HELD_ON, body.heldOn());
                variables.put(Var.PARTICIPANTS, body.participants());
                variables.put(Var.RECORD, body.record());
                variables.put(Var.MEASURES, body.measures());
            }
            case Step.REPORT_OFFICE_OUT -> {
                variables.put(Var.DEPARTED_ON, body.departedOn());
                variables.put(Var.DESTINATION, body.destination());
                variables.put(Var.RECORD, body.record());
            }
            default -> variables.put(Var.INSTRUCTIONS, body.instructions());
        }
        return variables;
    }
}
