package cn.zhaoshang.agreement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One investment agreement of a project: table {@code agreement}. */
public record Agreement(Long id, long projectId, String signingParty, String negotiator, String status,
        String contractNumber, LocalDate signedOn, BigDecimal agreedInvestmentWan, LocalDate constructionDueOn,
        String processInstanceId, Instant createdAt, Instant updatedAt) {
}
