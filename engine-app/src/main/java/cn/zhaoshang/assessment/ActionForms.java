package cn.zhaoshang.assessment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.zhaoshang.target.Progress;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitMapper;

import static cn.zhaoshang.assessment.Assessment.Var;

/** Fills an interview or 离岗招商 task with its unit and figures (task-local variables the forms show). */
@Component
class ActionForms {

    private final AssessmentMapper mapper;
    private final UnitMapper units;

    ActionForms(AssessmentMapper mapper, UnitMapper units) {
        this.mapper = mapper;
        this.units = units;
    }

    AssessmentAction action(DelegateTask task) {
        String unitCode = (String) task.getVariable(Var.UNIT_CODE);
        return mapper.findActionOfProcess(task.getProcessInstanceId(), unitCode).orElseThrow();
    }

    void fill(DelegateTask task, AssessmentAction action) {
        task.setVariableLocal(Var.UNIT_NAME, units.findByCode(action.unitCode()).map(Unit::name).orElse(action.unitCode()));
        task.setVariableLocal(Var.PROGRESS_SUMMARY, "指标 " + action.metricCode() + "：年度目标 "
                + Progress.plain(action.targetValue()).toPlainString() + "，截至" + action.asOf() + "完成 "
                + Progress.plain(action.actualValue()).toPlainString() + "，未达全年任务 "
                + BehindTarget.fractionLabel(action.requiredFraction()));
    }
}
