package cn.zhaoshang.assessment;

import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;

import static cn.zhaoshang.assessment.Assessment.Var;

/**
 * 生成月通报 (tongcheng §26 月通报; panan-2022 §一.(四) 每月通报): the notice of the month asked for ({@code period}),
 * else of the month just ended, as a DOCX every unit reads.
 */
@Component(Assessment.Bean.GENERATE_NOTICE)
class GenerateMonthlyNoticeDelegate implements JavaDelegate {

    private final AssessmentReports reports;

    GenerateMonthlyNoticeDelegate(AssessmentReports reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String period = FormValues.text(execution.getVariable(Var.PERIOD));
        YearMonth month = period == null ? YearMonth.from(EngineClock.today()).minusMonths(1) : YearMonth.parse(period);
        execution.setVariable(Var.PERIOD, month.toString());
        execution.setVariable("noticeDocumentId", reports.monthlyNotice(month));
    }
}
