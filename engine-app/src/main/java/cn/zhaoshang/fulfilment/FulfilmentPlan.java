package cn.zhaoshang.fulfilment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When each milestone is due, in months (configuration {@code zhaoshang.fulfilment}): registration and land supply
 * after signing, construction at the agreed date (≤ 6 months, chenzhou §3), the rest after construction starts;
 * the assessment after signing; how often progress must be updated (at least monthly, panan §四.1).
 */
@ConfigurationProperties("zhaoshang.fulfilment")
public record FulfilmentPlan(
        @DefaultValue("1") int registeredMonths,
        @DefaultValue("3") int landSuppliedMonths,
        @DefaultValue("18") int completedMonthsAfterConstruction,
        @DefaultValue("24") int productionMonthsAfterConstruction,
        @DefaultValue("27") int inStatisticsMonthsAfterConstruction,
        @DefaultValue("36") int aboveScaleMonthsAfterConstruction,
        @DefaultValue("48") int fullCapacityMonthsAfterConstruction,
        @DefaultValue("60") int assessmentMonths,
        @DefaultValue("31") int staleAfterDays,
        @DefaultValue("R/P30D") String progressCheckCycle) {

    /** milestone → due date, in order; land supply only for a project that needs land. */
    public Map<String, LocalDate> dueDates(LocalDate signedOn, LocalDate constructionDueOn, boolean landRequired) {
        Map<String, LocalDate> due = new LinkedHashMap<>();
        due.put("REGISTERED", signedOn.plusMonths(registeredMonths));
        if (landRequired) {
            LocalDate land = signedOn.plusMonths(landSuppliedMonths);
            due.put("LAND_SUPPLIED", land.isAfter(constructionDueOn) ? constructionDueOn : land);
        }
        due.put("CONSTRUCTION_STARTED", constructionDueOn);
        due.put("COMPLETED", constructionDueOn.plusMonths(completedMonthsAfterConstruction));
        due.put("PRODUCTION", constructionDueOn.plusMonths(productionMonthsAfterConstruction));
        due.put("IN_STATISTICS", constructionDueOn.plusMonths(inStatisticsMonthsAfterConstruction));
        due.put("ABOVE_SCALE", constructionDueOn.plusMonths(aboveScaleMonthsAfterConstruction));
        due.put("FULL_CAPACITY", constructionDueOn.plusMonths(fullCapacityMonthsAfterConstruction));
        return due;
    }
}
