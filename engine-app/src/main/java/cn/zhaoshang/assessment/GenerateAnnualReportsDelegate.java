package cn.zhaoshang.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.EngineClock;

import static cn.zhaoshang.assessment.Assessment.Var;

/** 生成年度考核报告 (tongcheng §26 年终考核; panan-2022 §四.(二)): of the year asked for, else of the year just ended. */
@Component(Assessment.Bean.GENERATE_ANNUAL)
class GenerateAnnualReportsDelegate implements JavaDelegate {

    private final AssessmentReports reports;

    GenerateAnnualReportsDelegate(AssessmentReports reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object asked = execution.getVariable(Var.YEAR);
        int year = asked instanceof Number n ? n.intValue() : EngineClock.today().getYear() - 1;
        execution.setVariable(Var.YEAR, year);
        execution.setVariable("reportCount", reports.annualReports(year));
    }
}
