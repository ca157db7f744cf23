package cn.zhaoshang.assessment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.zhaoshang.target.Progress;
import cn.zhaoshang.target.TargetMapper;
import cn.zhaoshang.target.TargetMetric;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitMapper;

import static cn.zhaoshang.assessment.Assessment.Var;

/** Fills an interview or 离岗招商 task with its unit and figures (task-local variables the forms show). */
@Component
class ActionForms {

    private final AssessmentMapper mapper;
    private final UnitMapper units;
    private final TargetMapper targets;

    ActionForms(AssessmentMapper mapper, UnitMapper units, TargetMapper targets) {
        this.mapper = mapper;
        this.units = units;
        this.targets = targets;
    }

    AssessmentAction action(DelegateTask task) {
        String unitCode = (String) task.getVariable(Var.UNIT_CODE);
        return mapper.findActionOfProcess(task.getProcessInstanceId(), unitCode).orElseThrow();
    }

    void fill(DelegateTask task, AssessmentAction action) {
        task.setVariableLocal(Var.UNIT_NAME, units.findByCode(action.unitCode()).map(Unit::name).orElse(action.unitCode()));
        String metric = targets.findMetric(action.metricCode()).map(TargetMetric::name).orElse(action.metricCode());
        task.setVariableLocal(Var.PROGRESS_SUMMARY, metric + "：年度目标 "
                + Progress.plain(action.targetValue()).toPlainString() + "，截至" + action.asOf() + "完成 "
                + Progress.plain(action.actualValue()).toPlainString() + "，未达全年任务 "
                + BehindTarget.fractionLabel(action.requiredFraction()));
    }
}
