package cn.zhaoshang.negotiation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.approval.LandingApplication;
import cn.zhaoshang.approval.LandingApplicationService;
import cn.zhaoshang.approval.LandingApplicationValidator;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.task.TaskBodies;
import cn.zhaoshang.task.TaskFormInputs;

import static cn.zhaoshang.negotiation.InspectionNegotiation.Var;

/**
 * 考察洽谈 through the domain API: {@code entry} INSPECTION | NEGOTIATION (heldOn, place, participants, summary),
 * JOINT_OPINION (opinion + the landing {@code application}) or NOT_LANDED (opinion = the reason).
 */
@Component
class NegotiationTaskInputs implements TaskFormInputs {

    private final ObjectMapper json;

    NegotiationTaskInputs(ObjectMapper json) {
        this.json = json;
    }

    record Body(String entry, String heldOn, String place, String participants, String summary, String opinion,
            LandingApplication application) {
    }

    @Override
    public Set<String> steps() {
        return Set.of(InspectionNegotiation.Step.NEGOTIATE);
    }

    @Override
    public Map<String, Object> variables(String stepId, JsonNode raw) {
        Body body = TaskBodies.read(json, raw, Body.class);
        List<FieldError> errors = new ArrayList<>();
        NegotiationStep step = FormValues.parseEnum(NegotiationStep.class, body.entry());
        Map<String, Object> variables = new HashMap<>();
        if (step == null) {
            errors.add(new FieldError(Var.ENTRY, "entry 只能是 INSPECTION、NEGOTIATION、JOINT_OPINION 或 NOT_LANDED / "
                    + "entry must be INSPECTION, NEGOTIATION, JOINT_OPINION or NOT_LANDED"));
        } else if (step == NegotiationStep.JOINT_OPINION) {
            if (body.application() == null) {
                errors.add(new FieldError("application", "签署考察联审意见须附落地审批表 / JOINT_OPINION needs the application"));
            } else {
                errors.addAll(TaskBodies.prefixed("application", LandingApplicationValidator.validate(body.application())));
                if (errors.isEmpty()) {
                    variables.putAll(LandingApplicationService.formVariables(body.application()));
                }
            }
        } else if (body.application() != null) {
            errors.add(new FieldError("application", "只有签署考察联审意见时才提交落地审批表 / Only JOINT_OPINION takes the application"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        variables.put(Var.ENTRY, body.entry());
        variables.put(Var.HELD_ON, body.heldOn());
        variables.put(Var.PLACE, body.place());
        variables.put(Var.PARTICIPANTS, body.participants());
        variables.put(Var.SUMMARY, body.summary());
        variables.put(Var.OPINION, body.opinion());
        return variables;
    }
}
