package cn.zhaoshang.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;

/** 记录审批层级: the tier the ApprovalTier decision gave is written to the project; approval begins. */
@Component(LandingApproval.Bean.RECORD_TIER)
class RecordTierDelegate implements JavaDelegate {

    private final ProjectLedger ledger;

    RecordTierDelegate(ProjectLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tier = (String) execution.getVariable(LandingApproval.Var.TIER);
        if (tier == null) {
            throw new IllegalStateException("the ApprovalTier decision gave no tier for project "
                    + execution.getVariable(LandingApproval.Var.PROJECT_ID));
        }
        ledger.recordTier(ApplicationVariables.projectId(execution), tier, ProjectLedger.SYSTEM_ACTOR);
    }
}
