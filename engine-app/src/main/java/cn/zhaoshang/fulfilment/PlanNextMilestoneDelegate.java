package cn.zhaoshang.fulfilment;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.zhaoshang.fulfilment.Fulfilment.Var;

/** 下一个履约节点: the first milestone not reached yet and its due date (the end of that day), or all done. */
@Component(Fulfilment.Bean.PLAN_NEXT_MILESTONE)
class PlanNextMilestoneDelegate implements JavaDelegate {

    private final MilestoneMapper milestones;

    PlanNextMilestoneDelegate(MilestoneMapper milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long agreementId = ((Number) execution.getVariable(Var.AGREEMENT_ID)).longValue();
        Optional<Milestone> next = milestones.findNextOpen(agreementId);
        execution.setVariable(Var.ALL_MILESTONES_DONE, next.isEmpty());
        execution.setVariable(Var.NEXT_MILESTONE, next.map(Milestone::milestone).orElse(null));
        execution.setVariable(Var.NEXT_MILESTONE_DUE_AT, next.map(m -> FulfilmentService.endOfDay(m.dueOn())).orElse(null));
    }
}
