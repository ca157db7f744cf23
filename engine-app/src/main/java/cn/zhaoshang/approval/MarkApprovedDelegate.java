package cn.zhaoshang.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.agreement.AgreementService;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.ledger.ProjectStatus;

/** 标记为批准: the application ends; the project row and the ledger say so, and the agreement drafting begins. */
@Component(LandingApproval.Bean.MARK_APPROVED)
class MarkApprovedDelegate implements JavaDelegate {

    private final ProjectLedger ledger;
    private final ProjectMapper projects;
    private final AgreementService agreements;

    MarkApprovedDelegate(ProjectLedger ledger, ProjectMapper projects, AgreementService agreements) {
        this.ledger = ledger;
        this.projects = projects;
        this.agreements = agreements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long projectId = ApplicationVariables.projectId(execution);
        ledger.changeStatus(projectId, ProjectStatus.APPROVED, ProjectLedger.SYSTEM_ACTOR, "落地审批通过");
        // the applicant (who signed the joint review opinion) negotiates the agreement (谈判签约)
        agreements.open(projects.findById(projectId).orElseThrow(), (String) execution.getVariable(LandingApproval.Var.APPLICANT));
    }
}
