package cn.zhaoshang.agreement;

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
import cn.zhaoshang.task.TaskBodies;
import cn.zhaoshang.task.TaskFormInputs;

import static cn.zhaoshang.agreement.AgreementReview.Step;
import static cn.zhaoshang.agreement.AgreementReview.Var;

/**
 * Agreement steps through the domain API. Reviews: {@code decision} PASS | REVISE | REJECT (with {@code opinion};
 * REJECT also {@code afterRejection} RENEGOTIATE | END); the negotiator's draft steps (normally completed by the
 * draft upload): {@code signingParty} or {@code decision} RESUBMIT | WITHDRAW; signing: contract number, date,
 * investment, construction start; supervision: {@code opinion}. The listeners check again in the engine.
 */
@Component
class AgreementTaskInputs implements TaskFormInputs {

    private final ObjectMapper json;

    AgreementTaskInputs(ObjectMapper json) {
        this.json = json;
    }

    record Body(String decision, String opinion, String afterRejection, String signingParty, String contractNumber,
            String signedOn, Double agreedInvestmentWan, String constructionDueOn) {
    }

    @Override
    public Set<String> steps() {
        return Set.of(Step.SUBMIT_DRAFT, Step.REVIEW_BY_JUSTICE, Step.REVIEW_BY_DEVZONE_LEGAL,
                Step.DELIBERATE_BY_LEADING_GROUP, Step.REVISE_DRAFT, Step.SUPERVISE_OVERDUE_REVIEW, Step.SIGN_AGREEMENT);
    }

    @Override
    public Map<String, Object> variables(String stepId, JsonNode raw) {
        Body body = TaskBodies.read(json, raw, Body.class);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>();
        switch (stepId) {
            case Step.SUBMIT_DRAFT -> variables.put(Var.SIGNING_PARTY, body.signingParty());
            case Step.REVISE_DRAFT -> variables.put(Var.DECISION, body.decision());
            case Step.SIGN_AGREEMENT -> {
                variables.put(Var.CONTRACT_NUMBER, body.contractNumber());
                variables.put(Var.SIGNED_ON, body.signedOn());
                variables.put(Var.AGREED_INVESTMENT_WAN, body.agreedInvestmentWan());
                variables.put(Var.CONSTRUCTION_DUE_ON, body.constructionDueOn());
            }
            case Step.SUPERVISE_OVERDUE_REVIEW -> {
                if (body.opinion() == null || body.opinion().isBlank()) {
                    errors.add(new FieldError(Var.OPINION, "督办意见不能为空 / opinion is required"));
                }
            }
            default -> {
                ReviewDecision decision = cn.zhaoshang.system.FormValues.parseEnum(ReviewDecision.class, body.decision());
                if (decision == null) {
                    errors.add(new FieldError(Var.DECISION, "审查结论只能是 PASS、REVISE 或 REJECT / decision must be PASS, "
                            + "REVISE or REJECT"));
                }
                variables.put(Var.DECISION, body.decision());
                variables.put(Var.AFTER_REJECTION, body.afterRejection());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        variables.put(Var.OPINION, body.opinion());
        return variables;
    }
}
