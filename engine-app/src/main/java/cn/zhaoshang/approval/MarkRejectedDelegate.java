package cn.zhaoshang.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectStatus;

/** 标记为驳回: the application ends; the project row and the ledger say so. */
@Component(LandingApproval.Bean.MARK_REJECTED)
class MarkRejectedDelegate implements JavaDelegate {

    private final ProjectLedger ledger;

    MarkRejectedDelegate(ProjectLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ledger.changeStatus(ApplicationVariables.projectId(execution), ProjectStatus.REJECTED,
                ProjectLedger.SYSTEM_ACTOR, "落地申请被驳回");
    }
}
