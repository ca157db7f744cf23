package cn.zhaoshang.incentive;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.task.TaskBodies;
import cn.zhaoshang.task.TaskFormInputs;

import static cn.zhaoshang.incentive.IncentiveClaim.Step;
import static cn.zhaoshang.incentive.IncentiveClaim.Var;

/**
 * Incentive claim steps through the domain API: verify {@code {decision: VERIFY|REJECT, verifiedPaidInUsdWan,
 * opinion}}, finance {@code {decision: APPROVE|REJECT, opinion}}, payout {@code {paidOn, voucherNumber}}.
 */
@Component
class IncentiveTaskInputs implements TaskFormInputs {

    private final ObjectMapper json;

    IncentiveTaskInputs(ObjectMapper json) {
        this.json = json;
    }

    record Body(String decision, BigDecimal verifiedPaidInUsdWan, String opinion, String paidOn,
            String voucherNumber) {
    }

    @Override
    public Set<String> steps() {
        return Set.of(Step.VERIFY, Step.APPROVE_BY_FINANCE, Step.RECORD_PAYOUT);
    }

    @Override
    public Map<String, Object> variables(String stepId, JsonNode raw) {
        Body body = TaskBodies.read(json, raw, Body.class);
        Map<String, Object> variables = new HashMap<>();
        if (Step.RECORD_PAYOUT.equals(stepId)) {
            variables.put(Var.PAID_ON, body.paidOn());
            variables.put(Var.VOUCHER_NUMBER, body.voucherNumber());
            return variables;
        }
        variables.put(Var.DECISION, body.decision());
        variables.put(Var.OPINION, body.opinion());
        if (Step.VERIFY.equals(stepId)) {
            // the exact decimal text, read back by the listener (no serialized BigDecimal variable)
            variables.put(Var.VERIFIED_PAID_IN_USD_WAN,
                    body.verifiedPaidInUsdWan() == null ? null : body.verifiedPaidInUsdWan().toPlainString());
        }
        return variables;
    }
}
