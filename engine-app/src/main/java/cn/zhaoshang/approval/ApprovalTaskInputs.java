package cn.zhaoshang.approval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.task.CompleteTaskRequest;
import cn.zhaoshang.task.TaskBodies;
import cn.zhaoshang.task.TaskFormInputs;

import static cn.zhaoshang.approval.LandingApproval.Var;

/**
 * Approval steps: {@code decision} APPROVE | REJECT | RETURN (REJECT and RETURN need an {@code opinion}); the revise
 * step: RESUBMIT with the revised {@code application}, or WITHDRAW.
 */
@Component
class ApprovalTaskInputs implements TaskFormInputs {

    private final ObjectMapper json;

    ApprovalTaskInputs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Set<String> steps() {
        Set<String> steps = new HashSet<>(LandingApproval.Step.APPROVAL_STEPS);
        steps.add(LandingApproval.Step.REVISE_APPLICATION);
        return steps;
    }

    @Override
    public Map<String, Object> variables(String stepId, JsonNode body) {
        CompleteTaskRequest request = TaskBodies.read(json, body, CompleteTaskRequest.class);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>();
        if (request == null || request.decision() == null || request.decision().isBlank()) {
            throw ApiException.validation(List.of(new FieldError(Var.DECISION, "请选择办理结论 / decision is required")));
        }
        String opinion = request.opinion() == null || request.opinion().isBlank() ? null : request.opinion().strip();
        if (LandingApproval.Step.REVISE_APPLICATION.equals(stepId)) {
            RevisionDecision decision = parse(RevisionDecision.class, request.decision(), errors,
                    "修改申请只能重新提交（RESUBMIT）或撤回（WITHDRAW）/ decision must be RESUBMIT or WITHDRAW");
            if (decision == RevisionDecision.RESUBMIT) {
                if (request.application() == null) {
                    errors.add(new FieldError("application",
                            "重新提交须附修改后的申请 / RESUBMIT needs the revised application"));
                } else {
                    errors.addAll(TaskBodies.prefixed("application", LandingApplicationValidator.validate(request.application())));
                    variables.putAll(LandingApplicationService.formVariables(request.application()));
                }
            }
        } else {
            ApprovalDecision decision = parse(ApprovalDecision.class, request.decision(), errors,
                    "审批结论只能是 APPROVE、REJECT 或 RETURN / decision must be APPROVE, REJECT or RETURN");
            if (decision != null && decision.requiresOpinion() && opinion == null) {
                errors.add(new FieldError(Var.OPINION, decision.label() + "必须填写意见 / An opinion is required to "
                        + decision.name().toLowerCase()));
            }
            if (request.application() != null) {
                errors.add(new FieldError("application", "审批环节不能修改申请 / An approval step cannot change the application"));
            }
        }
        if (opinion != null && opinion.length() > 2000) {
            errors.add(new FieldError(Var.OPINION, "意见不能超过 2000 字 / The opinion is longer than 2000"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        variables.put(Var.DECISION, request.decision());
        variables.put(Var.OPINION, opinion);
        if (request.meetingDate() != null) {
            variables.put(Var.MEETING_DATE, request.meetingDate().toString());
        }
        if (request.minutesNumber() != null) {
            variables.put(Var.MINUTES_NUMBER, request.minutesNumber());
        }
        return variables;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, List<FieldError> errors, String message) {
        E parsed = cn.zhaoshang.system.FormValues.parseEnum(type, value);
        if (parsed == null) {
            errors.add(new FieldError(Var.DECISION, message));
        }
        return parsed;
    }
}
