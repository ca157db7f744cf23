package cn.zhaoshang.agreement;

import cn.zhaoshang.system.EngineClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.ledger.ProjectStatus;
import cn.zhaoshang.negotiation.NegotiationService;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.FormValues;

import static cn.zhaoshang.agreement.AgreementReview.Var;

/**
 * The agreement is not signed: rejected by a review (the project goes back to inspection and negotiation, or ends),
 * or abandoned by the negotiator (the project ends).
 */
@Component(AgreementReview.Bean.MARK_REJECTED)
class MarkAgreementRejectedDelegate implements JavaDelegate {

    private final AgreementMapper agreements;
    private final ProjectMapper projects;
    private final ProjectLedger ledger;
    private final NegotiationService negotiations;
    private final IdentityService identityService;

    MarkAgreementRejectedDelegate(AgreementMapper agreements, ProjectMapper projects, ProjectLedger ledger,
            NegotiationService negotiations, IdentityService identityService) {
        this.agreements = agreements;
        this.projects = projects;
        this.ledger = ledger;
        this.negotiations = negotiations;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Agreement agreement = agreements.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow();
        String actor = Actors.current(identityService, null);
        String opinion = FormValues.text(execution.getVariable(Var.OPINION));
        boolean withdrawn = "WITHDRAW".equals(execution.getVariable(Var.DECISION));
        if (withdrawn) {
            agreements.updateStatus(agreement.id(), "ABANDONED", EngineClock.now());
            ledger.changeStatus(agreement.projectId(), ProjectStatus.TERMINATED, actor,
                    "放弃签约" + (opinion == null ? "" : "：" + opinion));
            return;
        }
        agreements.updateStatus(agreement.id(), "REJECTED", EngineClock.now());
        if ("RENEGOTIATE".equals(execution.getVariable(Var.AFTER_REJECTION))) {
            Project project = projects.findById(agreement.projectId()).orElseThrow();
            ledger.changeStatus(project.getId(), ProjectStatus.NEGOTIATING, actor, "协议未通过审查，退回考察洽谈：" + opinion);
            negotiations.reopen(projects.findById(project.getId()).orElseThrow(), actor);
        } else {
            ledger.changeStatus(agreement.projectId(), ProjectStatus.TERMINATED, actor, "协议未通过审查，项目终止：" + opinion);
        }
    }
}
