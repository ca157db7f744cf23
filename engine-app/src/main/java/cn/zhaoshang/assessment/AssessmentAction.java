package cn.zhaoshang.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the assessment calendar did about a unit (table {@code assessment_action}): an interview (约谈) or an order to go
 * out and attract investment (离岗招商), with the figures that triggered it and what was recorded.
 */
public record AssessmentAction(long id, int actionYear, String kind, String unitCode, String metricCode, LocalDate asOf,
        BigDecimal targetValue, BigDecimal actualValue, BigDecimal requiredFraction, String status, Instant dueAt,
        Instant overdueRecordedAt, boolean late, LocalDate heldOn, String participants, String record, String measures,
        String doneBy, Instant doneAt, String processInstanceId, Instant createdAt) {

    public String kindLabel() {
        return Assessment.INTERVIEW.equals(kind) ? "约谈" : "离岗招商";
    }

    public String statusLabel() {
        if ("DONE".equals(status)) {
            return late ? "已办结（逾期报送）" : "已办结";
        }
        return overdueRecordedAt != null ? "逾期未报送" : "办理中";
    }
}
