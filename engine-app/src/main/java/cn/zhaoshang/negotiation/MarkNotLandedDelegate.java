package cn.zhaoshang.negotiation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectStatus;
import cn.zhaoshang.system.Actors;

import static cn.zhaoshang.negotiation.InspectionNegotiation.Var;

/** 项目未落地: the task force ends the project with its reason. */
@Component(InspectionNegotiation.Bean.MARK_NOT_LANDED)
class MarkNotLandedDelegate implements JavaDelegate {

    private final ProjectLedger ledger;
    private final IdentityService identityService;

    MarkNotLandedDelegate(ProjectLedger ledger, IdentityService identityService) {
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ledger.changeStatus(((Number) execution.getVariable(Var.PROJECT_ID)).longValue(), ProjectStatus.NOT_LANDED,
                Actors.current(identityService, null), "项目未落地：" + execution.getVariable(Var.OPINION));
    }
}
