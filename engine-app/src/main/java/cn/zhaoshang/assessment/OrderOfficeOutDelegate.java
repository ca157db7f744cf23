package cn.zhaoshang.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.EngineClock;

import static cn.zhaoshang.assessment.Assessment.Var;

/**
 * 下达离岗招商通知 (tongcheng §28: 9月30日前未完成全年任务3/4的单位，其主要负责同志须于10月5日前离岗招商): the order of
 * each unit under the fraction is recorded with its report deadline.
 */
@Component(Assessment.Bean.ORDER_OFFICE_OUT)
class OrderOfficeOutDelegate implements JavaDelegate {

    private final BehindTarget behind;
    private final AssessmentProperties properties;
    private final AssessmentSchedule schedule;

    OrderOfficeOutDelegate(BehindTarget behind, AssessmentProperties properties, AssessmentSchedule schedule) {
        this.behind = behind;
        this.properties = properties;
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = EngineClock.today().getYear();
        LocalDate asOf = properties.nineMonth().asOf().atYear(year);
        String dueAt = schedule.reportDueAt(year);
        Instant due = OffsetDateTime.parse(dueAt).toInstant();
        List<String> units = behind.record(Assessment.OFFICE_OUT, year, asOf, properties.nineMonth().fraction(), due,
                execution.getProcessInstanceId(), EngineClock.now());
        execution.setVariable(Var.YEAR, year);
        execution.setVariable(Var.REPORT_DUE_AT, dueAt);
        execution.setVariable(Var.UNITS_BEHIND, new ArrayList<>(units));
        execution.setVariable(Var.UNITS_BEHIND_COUNT, units.size());
    }
}
