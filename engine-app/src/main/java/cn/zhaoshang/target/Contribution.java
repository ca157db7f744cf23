package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One project behind a unit's figure on a metric: the unit it is credited to, the project, what it adds (1 for a count,
 * the 万元 in place for funds) and the day that made it count (signing, construction start, last funds in the period).
 */
public record Contribution(String unitCode, long projectId, String companyName, String projectName,
        String reportingUnit, String carrierUnit, BigDecimal amount, LocalDate basisOn) {
}
