package cn.zhaoshang.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.notification.Notifier;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitMapper;

import static cn.zhaoshang.assessment.Assessment.Var;

/**
 * 记录逾期未报送 (tongcheng §28): the 离岗招商 report is past its deadline; the lateness is recorded on the order (the task
 * stays open, a later report counts as late) and the supervision office is told.
 */
@Component(Assessment.Bean.RECORD_LATENESS)
class RecordReportLatenessDelegate implements JavaDelegate {

    private final AssessmentMapper mapper;
    private final UnitMapper units;
    private final Notifier notifier;

    RecordReportLatenessDelegate(AssessmentMapper mapper, UnitMapper units, Notifier notifier) {
        this.mapper = mapper;
        this.units = units;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String unitCode = (String) execution.getVariable(Var.UNIT_CODE);
        AssessmentAction action = mapper.findActionOfProcess(execution.getProcessInstanceId(), unitCode).orElseThrow();
        if (mapper.markOverdue(action.id(), EngineClock.now()) == 1) {
            String name = units.findByCode(unitCode).map(Unit::name).orElse(unitCode);
            notifier.notifyGroup(Groups.SUPERVISION, "离岗招商情况逾期未报送：" + name,
                    name + "主要负责人应于 " + action.dueAt().atZone(EngineClock.BEIJING).toLocalDate()
                            + " 前报送离岗招商情况，截至目前未报送（桐城 28）。");
        }
    }
}
