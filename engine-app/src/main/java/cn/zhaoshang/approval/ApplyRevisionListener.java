package cn.zhaoshang.approval;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ApprovalRecordMapper;
import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;

import static cn.zhaoshang.approval.LandingApproval.Var;

/**
 * On the revise step (修改申请材料). {@code create}: fills the form with the application as stored.
 * {@code complete}: a resubmission is validated like a new application and replaces the stored one (the
 * ledger keeps the earlier version's history); a withdrawal needs nothing more. Either way it is recorded.
 */
@Component(LandingApproval.Bean.APPLY_REVISION_LISTENER)
class ApplyRevisionListener implements TaskListener {

    private final ProjectMapper projects;
    private final ProjectLedger ledger;
    private final ApprovalRecordMapper records;
    private final IdentityService identityService;

    ApplyRevisionListener(ProjectMapper projects, ProjectLedger ledger, ApprovalRecordMapper records,
            IdentityService identityService) {
        this.projects = projects;
        this.ledger = ledger;
        this.records = records;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            StepInputs.clear(task);
            Project project = projects.findById(ApplicationVariables.projectId(task)).orElseThrow();
            task.getExecution().setVariables(ApplicationVariables.all(ApplicationVariables.fromProject(project)));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task);
        }
    }

    private void complete(DelegateTask task) {
        long projectId = ApplicationVariables.projectId(task);
        RevisionDecision decision = decision(FormValues.text(task.getVariable(Var.DECISION)));
        String actor = RecordApprovalListener.actingUser(task, identityService);
        if (decision == RevisionDecision.RESUBMIT) {
            List<FieldError> errors = new ArrayList<>();
            LandingApplication revised = LandingApplicationValidator.fromVariables(task.getVariables(), errors);
            errors.addAll(LandingApplicationValidator.validate(revised));
            if (!errors.isEmpty()) {
                throw new InvalidApplicationException(errors);
            }
            revised = LandingApplicationValidator.normalise(revised);
            Project project = ApplicationVariables.toProject(revised);
            project.setId(projectId);
            ledger.reviseApplication(project, actor);
            ApplicationVariables.setDecisionInputs(task.getExecution(), revised);
        }
        task.getExecution().removeVariable(Var.TOTAL_INVESTMENT_WAN);
        task.getExecution().removeVariable(Var.CARRIER_UNIT);

        records.insert(RecordApprovalListener.signOff(task, decision.name(), FormValues.text(task.getVariable(Var.OPINION)), actor));
    }

    private static RevisionDecision decision(String value) {
        try {
            return RevisionDecision.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidApplicationException(List.of(new FieldError(Var.DECISION,
                    "请选择重新提交（RESUBMIT）或撤回申请（WITHDRAW）/ decision must be RESUBMIT or WITHDRAW")));
        }
    }
}
