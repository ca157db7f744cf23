package cn.zhaoshang.lead;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.task.TaskBodies;
import cn.zhaoshang.task.TaskFormInputs;

import static cn.zhaoshang.lead.LeadScreening.Step;
import static cn.zhaoshang.lead.LeadScreening.Var;

/**
 * The screening's user tasks through the domain API. Completeness: COMPLETE | INCOMPLETE (with the reason);
 * duplicate: MERGE | KEEP_SEPARATE; supplement: RESUBMIT with the revised {@code lead} | WITHDRAW; consultation:
 * {@code answer} AGREE | AGREE_WITH_CONDITIONS | DISAGREE with the written {@code opinion}.
 */
@Component
class LeadTaskInputs implements TaskFormInputs {

    private final ObjectMapper json;

    LeadTaskInputs(ObjectMapper json) {
        this.json = json;
    }

    record Body(String decision, String opinion, String answer, LeadReport lead) {
    }

    @Override
    public Set<String> steps() {
        return Set.of(Step.CHECK_COMPLETENESS, Step.DECIDE_DUPLICATE, Step.SUPPLEMENT_LEAD, Step.ANSWER_CONSULTATION);
    }

    @Override
    public Map<String, Object> variables(String stepId, JsonNode raw) {
        Body body = TaskBodies.read(json, raw, Body.class);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>();
        String opinion = FormValues.text(body.opinion());
        FormValues.limitText(errors, Var.OPINION, opinion, 2000, "意见");
        if (Step.ANSWER_CONSULTATION.equals(stepId)) {
            if (FormValues.parseEnum(ConsultationAnswer.class, body.answer()) == null) {
                errors.add(new FieldError(Var.ANSWER, "请选择同意（AGREE）、有条件同意（AGREE_WITH_CONDITIONS）或不同意"
                        + "（DISAGREE）/ answer must be AGREE, AGREE_WITH_CONDITIONS or DISAGREE"));
            }
            if (opinion == null) {
                errors.add(new FieldError(Var.OPINION, "书面意见不能为空 / A written opinion is required"));
            }
            variables.put(Var.ANSWER, body.answer());
        } else {
            Set<LeadDecision> allowed = switch (stepId) {
                case Step.CHECK_COMPLETENESS -> Set.of(LeadDecision.COMPLETE, LeadDecision.INCOMPLETE);
                case Step.DECIDE_DUPLICATE -> Set.of(LeadDecision.MERGE, LeadDecision.KEEP_SEPARATE);
                default -> Set.of(LeadDecision.RESUBMIT, LeadDecision.WITHDRAW);
            };
            LeadDecision decision = FormValues.parseEnum(LeadDecision.class, body.decision());
            if (decision == null || !allowed.contains(decision)) {
                errors.add(new FieldError(Var.DECISION, "本环节的结论只能是 " + allowed + " / decision must be one of " + allowed));
            } else if (decision == LeadDecision.INCOMPLETE && opinion == null) {
                errors.add(new FieldError(Var.OPINION, "退回补充须说明缺少哪些资料 / INCOMPLETE needs the reason"));
            } else if (decision == LeadDecision.RESUBMIT) {
                if (body.lead() == null) {
                    errors.add(new FieldError("lead", "重新报送须附补充后的线索 / RESUBMIT needs the revised lead"));
                } else {
                    errors.addAll(TaskBodies.prefixed("lead", LeadReportValidator.validate(body.lead())));
                    variables.putAll(LeadReportValidator.toVariables(LeadReportValidator.normalise(body.lead())));
                }
            }
            if (body.lead() != null && decision != LeadDecision.RESUBMIT) {
                errors.add(new FieldError("lead", "只有重新报送时才能修改线索 / Only RESUBMIT changes the lead"));
            }
            variables.put(Var.DECISION, body.decision());
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        variables.put(Var.OPINION, opinion);
        return variables;
    }
}
