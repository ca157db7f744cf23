package cn.zhaoshang.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.EngineClock;

import static cn.zhaoshang.assessment.Assessment.Var;

/** 查找未完成1/2的单位 (tongcheng §28): each unit under the mid-year fraction gets an interview to record. */
@Component(Assessment.Bean.FIND_FOR_INTERVIEW)
class FindUnitsForInterviewDelegate implements JavaDelegate {

    private final BehindTarget behind;
    private final AssessmentProperties properties;

    FindUnitsForInterviewDelegate(BehindTarget behind, AssessmentProperties properties) {
        this.behind = behind;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = EngineClock.today().getYear();
        LocalDate asOf = properties.midYear().asOf().atYear(year);
        List<String> units = behind.record(Assessment.INTERVIEW, year, asOf, properties.midYear().fraction(), null,
                execution.getProcessInstanceId(), EngineClock.now());
        execution.setVariable(Var.YEAR, year);
        execution.setVariable(Var.UNITS_BEHIND, new ArrayList<>(units));
        execution.setVariable(Var.UNITS_BEHIND_COUNT, units.size());
    }
}
