package cn.zhaoshang.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectStatus;

/** 标记为撤回: the application ends; the project row and the ledger say so. */
@Component(LandingApproval.Bean.MARK_WITHDRAWN)
class MarkWithdrawnDelegate implements JavaDelegate {

    private final ProjectLedger ledger;

    MarkWithdrawnDelegate(ProjectLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ledger.changeStatus(ApplicationVariables.projectId(execution), ProjectStatus.WITHDRAWN,
                ProjectLedger.SYSTEM_ACTOR, "申请人撤回申请");
    }
}
