package cn.zhaoshang.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectStatus;

import static cn.zhaoshang.approval.LandingApproval.Var;

/**
 * 标记为退回: the application goes back to the applicant. The reviewer's opinion is kept as
 * {@code returnOpinion} so the revise form can show it after the step inputs are cleared.
 */
@Component(LandingApproval.Bean.MARK_RETURNED)
class MarkReturnedDelegate implements JavaDelegate {

    private final ProjectLedger ledger;

    MarkReturnedDelegate(ProjectLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String opinion = (String) execution.getVariable(Var.OPINION);
        execution.setVariable(Var.RETURN_OPINION, opinion);
        ledger.changeStatus(ApplicationVariables.projectId(execution), ProjectStatus.RETURNED,
                ProjectLedger.SYSTEM_ACTOR, "退回修改：" + opinion);
    }
}
