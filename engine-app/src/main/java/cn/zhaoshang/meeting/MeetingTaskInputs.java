package cn.zhaoshang.meeting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.task.TaskBodies;
import cn.zhaoshang.task.TaskFormInputs;

import static cn.zhaoshang.meeting.ResearchMeeting.Var;

/**
 * 记录会议研判结果 through the domain API: {@code heldOn}, {@code attendees} and {@code itemDecisions} [{leadId,
 * decision, reason, responsibleUnit, taskForceLeader}]; the task listener checks them against the agenda.
 */
@Component
class MeetingTaskInputs implements TaskFormInputs {

    private final ObjectMapper json;

    MeetingTaskInputs(ObjectMapper json) {
        this.json = json;
    }

    record Body(String heldOn, String attendees, List<ItemDecision> itemDecisions) {
    }

    @Override
    public Set<String> steps() {
        return Set.of(ResearchMeeting.Step.RECORD_MEETING);
    }

    @Override
    public Map<String, Object> variables(String stepId, JsonNode raw) {
        Body body = TaskBodies.read(json, raw, Body.class);
        if (body.itemDecisions() == null) {
            throw ApiException.validation(List.of(new FieldError(Var.ITEM_DECISIONS,
                    "请逐项填写研判结论 / itemDecisions is required")));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.HELD_ON, body.heldOn());
        variables.put(Var.ATTENDEES, body.attendees());
        try {
            // JSON, kept in a byte array: fifty decisions of a month-end meeting are longer than a String variable's
            // 4 000 characters (system/ShownText)
            variables.put(Var.ITEM_DECISIONS, SpinValues.jsonValue(json.writeValueAsString(body.itemDecisions())).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return variables;
    }
}
