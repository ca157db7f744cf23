package cn.zhaoshang.assessment;

import java.time.Instant;
import java.time.LocalDate;

/** 被批评通报 of a unit (table {@code unit_criticism}, panan-2022 §四.(二)): makes its year 一票否优. */
public record Criticism(long id, String unitCode, LocalDate criticisedOn, String documentNumber, String reason,
        String recordedBy, Instant recordedAt) {
}
