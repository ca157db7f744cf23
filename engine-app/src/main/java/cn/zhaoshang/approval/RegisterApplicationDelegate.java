package cn.zhaoshang.approval;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.ledger.ProjectStatus;
import cn.zhaoshang.system.ApiError.FieldError;

import static cn.zhaoshang.approval.LandingApproval.Var;

/**
 * 登记申请: attaches the application signed with the joint review opinion to its project (from a VALID lead, in
 * negotiation), links it to the process instance (business key = project id) and keeps only ids and decision
 * inputs as variables. There is no other way in: every landing application comes from a reported lead.
 */
@Component(LandingApproval.Bean.REGISTER_APPLICATION)
class RegisterApplicationDelegate implements JavaDelegate {

    private final ProjectLedger ledger;
    private final ProjectMapper projects;

    RegisterApplicationDelegate(ProjectLedger ledger, ProjectMapper projects) {
        this.ledger = ledger;
        this.projects = projects;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<FieldError> errors = new ArrayList<>();
        LandingApplication application = LandingApplicationValidator.fromVariables(execution.getVariables(), errors);
        errors.addAll(LandingApplicationValidator.validate(application));
        if (!errors.isEmpty()) {
            throw new InvalidApplicationException(errors);
        }
        application = LandingApplicationValidator.normalise(application);
        String applicant = (String) execution.getVariable(Var.APPLICANT);
        if (applicant == null) {
            throw new InvalidApplicationException(List.of(new FieldError(Var.APPLICANT,
                    "申请必须由登录用户提交 / The application must be submitted by a logged-in user")));
        }

        if (!(execution.getVariable(Var.PROJECT_ID) instanceof Number projectId)) {
            throw new InvalidApplicationException(List.of(new FieldError(Var.PROJECT_ID,
                    "落地审批须由考察洽谈签署考察联审意见后发起 / A landing approval starts from the joint review opinion "
                            + "of a project in negotiation")));
        }
        if (projects.findById(projectId.longValue()).filter(p -> p.getStatus() == ProjectStatus.NEGOTIATING).isEmpty()) {
            throw new InvalidApplicationException(List.of(new FieldError(Var.PROJECT_ID,
                    "项目 " + projectId + " 不在考察洽谈阶段 / Project " + projectId + " is not in negotiation")));
        }
        Project project = ApplicationVariables.toProject(application);
        project.setId(projectId.longValue());
        project.setApplicant(applicant);
        project.setJointOpinion((String) execution.getVariable(Var.JOINT_OPINION));
        project.setProcessInstanceId(execution.getProcessInstanceId());
        ledger.attachApplication(project, applicant);
        execution.removeVariable(Var.JOINT_OPINION);

        execution.setProcessBusinessKey(String.valueOf(project.getId()));
        execution.setVariable(Var.PROJECT_ID, project.getId());
        ApplicationVariables.setDecisionInputs(execution, application);
        execution.removeVariable(Var.TOTAL_INVESTMENT_WAN);
        execution.removeVariable(Var.CARRIER_UNIT);
    }
}
