package cn.zhaoshang.negotiation;

import java.util.HashMap;
import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import cn.zhaoshang.approval.LandingApplication;
import cn.zhaoshang.approval.LandingApplicationService;
import cn.zhaoshang.approval.LandingApplicationValidator;
import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.system.Actors;

import static cn.zhaoshang.negotiation.InspectionNegotiation.Var;

/**
 * 签署考察联审意见并提交落地审批 (panan-2022 §二.4 → §二.5): starts Process_LandingApproval for this project with the
 * application as signed; whoever signed is the applicant the approval returns to.
 */
@Component(InspectionNegotiation.Bean.START_LANDING_APPROVAL)
class StartLandingApprovalDelegate implements JavaDelegate {

    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    StartLandingApprovalDelegate(RuntimeService runtimeService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long projectId = ((Number) execution.getVariable(Var.PROJECT_ID)).longValue();
        // already checked by recordNegotiationListener when the joint opinion was signed
        LandingApplication application = LandingApplicationValidator.fromVariables(execution.getVariables(), new ArrayList<>());
        Map<String, Object> form = LandingApplicationService.formVariables(application);
        Map<String, Object> variables = new HashMap<>(form);
        variables.put(LandingApproval.Var.PROJECT_ID, projectId);
        variables.put(LandingApproval.Var.APPLICANT, Actors.current(identityService, null));
        variables.put(LandingApproval.Var.JOINT_OPINION, execution.getVariable(Var.OPINION));
        ProcessInstance approval = runtimeService.startProcessInstanceByKey(LandingApproval.PROCESS_KEY,
                String.valueOf(projectId), variables);
        execution.setVariable(Var.APPROVAL_PROCESS_INSTANCE_ID, approval.getId());
        // the application now lives in table project; the negotiation keeps only the names it shows
        for (String name : form.keySet()) {
            if (!name.equals(LandingApproval.Var.COMPANY_NAME) && !name.equals(LandingApproval.Var.PROJECT_NAME)) {
                execution.removeVariable(name);
            }
        }
    }
}
