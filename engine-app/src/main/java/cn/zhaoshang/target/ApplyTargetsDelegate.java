package cn.zhaoshang.target;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.zhaoshang.target.Targets.Var;

/** 目标任务生效: the approved plan's figures become the targets in effect, each change recorded and audited. */
@Component(Targets.Bean.APPLY)
class ApplyTargetsDelegate implements JavaDelegate {

    private final TargetPlans plans;

    ApplyTargetsDelegate(TargetPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        plans.apply(((Number) execution.getVariable(Var.PLAN_ID)).longValue());
    }
}
