package cn.zhaoshang.target;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;

import static cn.zhaoshang.target.Targets.Var;

/** 撤回目标任务方案: the returned plan is withdrawn with the center's reason; the targets in effect stay as they are. */
@Component(Targets.Bean.WITHDRAW)
class WithdrawTargetsDelegate implements JavaDelegate {

    private final TargetMapper targets;
    private final IdentityService identityService;

    WithdrawTargetsDelegate(TargetMapper targets, IdentityService identityService) {
        this.targets = targets;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long planId = ((Number) execution.getVariable(Var.PLAN_ID)).longValue();
        targets.decide(planId, TargetPlan.RETURNED, TargetPlan.WITHDRAWN, Actors.current(identityService, Actors.SYSTEM),
                EngineClock.now(), FormValues.text(execution.getVariable(Var.NOTE)));
    }
}
