package cn.zhaoshang.approval;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.system.ApiError.FieldError;

import static cn.zhaoshang.approval.LandingApproval.Var;

/**
 * 登记申请: stores the submitted application as a project row (REST and Tasklist start form alike), links it
 * to the process instance (business key = project id) and keeps only ids and decision inputs as variables.
 */
@Component(LandingApproval.Bean.REGISTER_APPLICATION)
class RegisterApplicationDelegate implements JavaDelegate {

    private final ProjectLedger ledger;

    RegisterApplicationDelegate(ProjectLedger ledger) {
        this.ledger = ledger;
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

        Project project = ApplicationVariables.toProject(application);
        project.setApplicant(applicant);
        project.setProcessInstanceId(execution.getProcessInstanceId());
        ledger.register(project);

        execution.setProcessBusinessKey(String.valueOf(project.getId()));
        execution.setVariable(Var.PROJECT_ID, project.getId());
        ApplicationVariables.setDecisionInputs(execution, application);
        execution.removeVariable(Var.TOTAL_INVESTMENT_WAN);
        execution.removeVariable(Var.CARRIER_UNIT);
    }
}
