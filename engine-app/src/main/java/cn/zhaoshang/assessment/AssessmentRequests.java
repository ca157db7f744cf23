package cn.zhaoshang.assessment;

import java.time.YearMonth;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.WithoutAuthorization;

/**
 * The investment center's requests for a notice or the annual reports now, by the message start events of
 * Process_MonthlyNotice and Process_AnnualAssessment (the caller's group is checked before).
 */
@Service
public class AssessmentRequests {

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final AssessmentMapper mapper;

    AssessmentRequests(RuntimeService runtimeService, IdentityService identityService, AssessmentMapper mapper) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.mapper = mapper;
    }

    /** The notice of {@code period} (YYYY-MM; null = last month), generated now. */
    public AssessmentDocument issueNotice(String period) {
        YearMonth month;
        try {
            month = period == null || period.isBlank() ? YearMonth.from(EngineClock.today()).minusMonths(1)
                    : YearMonth.parse(period.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.validation(List.of(new FieldError("period", "月份格式应为 YYYY-MM / period: YYYY-MM")));
        }
        if (month.getYear() < 2000 || month.isAfter(YearMonth.from(EngineClock.today()))) {
            throw ApiException.validation(List.of(new FieldError("period", "月份不能晚于本月 / period is in the future")));
        }
        // the month's timer may be generating the same notice at this moment (one row per month): whoever loses the
        // insert generates it again, replacing the other's, as a repeated request would
        for (int attempt = 1; ; attempt++) {
            try {
                WithoutAuthorization.run(identityService, () -> runtimeService
                        .createMessageCorrelation(Assessment.MESSAGE_NOTICE_REQUESTED)
                        .setVariable(Assessment.Var.PERIOD, month.toString()).correlateStartMessage());
                break;
            } catch (RuntimeException e) {
                if (attempt >= 3 || !sameNoticeAtOnce(e)) {
                    throw e;
                }
            }
        }
        return mapper.findDocuments(Assessment.NOTICE_DOCUMENT, 500).stream()
                .filter(d -> d.period().equals(month.toString())).findFirst().orElseThrow();
    }

    private static boolean sameNoticeAtOnce(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.DuplicateKeyException
                    || t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || cn.zhaoshang.system.ConcurrencyFailures.isLostRace(t)) {
                return true;
            }
        }
        return false;
    }

    /** The annual reports of {@code year}, generated now. */
    public void assessYear(Integer year) {
        int thisYear = EngineClock.today().getYear();
        if (year == null || year < 2000 || year > thisYear) {
            throw ApiException.validation(List.of(new FieldError("year", "请填写不晚于今年的年度 / year: not after this year")));
        }
        WithoutAuthorization.run(identityService, () -> runtimeService
                .createMessageCorrelation(Assessment.MESSAGE_ASSESSMENT_REQUESTED)
                .setVariable(Assessment.Var.YEAR, year).correlateStartMessage());
    }
}
