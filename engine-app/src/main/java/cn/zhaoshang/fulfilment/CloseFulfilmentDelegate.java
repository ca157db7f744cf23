package cn.zhaoshang.fulfilment;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectStatus;
import cn.zhaoshang.system.Actors;

import static cn.zhaoshang.fulfilment.Fulfilment.Var;

/** 履约跟踪结束: after the follow-up of the assessment; a project cleared for serious breach ends (清退). */
@Component(Fulfilment.Bean.CLOSE_FULFILMENT)
class CloseFulfilmentDelegate implements JavaDelegate {

    private final ProjectLedger ledger;
    private final IdentityService identityService;

    CloseFulfilmentDelegate(ProjectLedger ledger, IdentityService identityService) {
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long projectId = ((Number) execution.getVariable(Var.PROJECT_ID)).longValue();
        String actor = Actors.current(identityService, null);
        if (Assessment.SERIOUS_BREACH.name().equals(execution.getVariable(Var.ASSESSMENT))) {
            ledger.changeStatus(projectId, ProjectStatus.TERMINATED, actor, "严重违约，依约清退");
        } else {
            ledger.note(projectId, "FULFILMENT_CLOSED", actor, "履约跟踪结束：" + Assessment.valueOf(
                    (String) execution.getVariable(Var.ASSESSMENT)).label());
        }
    }
}
