package cn.zhaoshang.assessment;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.ShownText;

import static cn.zhaoshang.assessment.Assessment.Var;

/** 汇总季度完成情况 (tongcheng §26 季调度): the figures at the end of the quarter just ended, kept with the dispatch. */
@Component(Assessment.Bean.PREPARE_DISPATCH)
class PrepareQuarterlyDispatchDelegate implements JavaDelegate {

    private final AssessmentReports reports;
    private final AssessmentMapper mapper;

    PrepareQuarterlyDispatchDelegate(AssessmentReports reports, AssessmentMapper mapper) {
        this.reports = reports;
        this.mapper = mapper;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate lastQuarter = EngineClock.today().minusMonths(3);
        int year = lastQuarter.getYear();
        int quarter = (lastQuarter.getMonthValue() - 1) / 3 + 1;
        String summary = reports.quarterSummary(year, quarter);
        if (mapper.findDispatch(year, quarter).isEmpty()) {
            mapper.insertDispatch(year, quarter, summary, execution.getProcessInstanceId(), EngineClock.now());
        }
        execution.setVariable(Var.DISPATCH_ID, mapper.findDispatch(year, quarter).orElseThrow().id());
        execution.setVariable(Var.QUARTER_LABEL, year + " 年第 " + quarter + " 季度");
        execution.setVariable(Var.QUARTER_SUMMARY, ShownText.fit(summary, "全文见季度调度记录 GET /api/assessment/dispatches"));
    }
}
