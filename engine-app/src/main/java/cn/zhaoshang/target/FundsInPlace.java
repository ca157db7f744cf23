package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Funds actually in place of a signed project (实际到位资金, 万元), as its carrier recorded them (table {@code funds_in_place}). */
public record FundsInPlace(long id, long projectId, BigDecimal amountWan, LocalDate inPlaceOn, String evidence,
        String recordedBy, Instant recordedAt) {
}
