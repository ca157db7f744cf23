package cn.zhaoshang.assessment;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;

/** The month an assessment request or page names ({@code YYYY-MM}), or this month in Beijing when it names none. */
public final class AssessmentMonth {

    private AssessmentMonth() {
    }

    public static YearMonth parse(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(EngineClock.today());
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.validation(List.of(new FieldError("month", "月份格式应为 YYYY-MM / month: YYYY-MM")));
        }
    }
}
