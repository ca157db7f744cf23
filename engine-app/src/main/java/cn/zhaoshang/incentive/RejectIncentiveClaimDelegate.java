package cn.zhaoshang.incentive;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;

import static cn.zhaoshang.incentive.IncentiveClaim.Var;

/**
 * 驳回申报: by the center at verification (the claim is still SUBMITTED) or by finance (VERIFIED). Runs in the command
 * of the official who rejected, so that is who it records, with the step and the reason ({@code opinion}). The basis
 * is released: the claim can be corrected and made again.
 */
@Component(IncentiveClaim.Bean.REJECT_CLAIM)
class RejectIncentiveClaimDelegate implements JavaDelegate {

    private final IncentiveClaimMapper claims;
    private final ProjectLedger ledger;
    private final IdentityService identityService;

    RejectIncentiveClaimDelegate(IncentiveClaimMapper claims, ProjectLedger ledger, IdentityService identityService) {
        this.claims = claims;
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long claimId = ((Number) execution.getVariable(Var.CLAIM_ID)).longValue();
        Claim claim = claims.findById(claimId).orElseThrow();
        String step = claim.status() == ClaimStatus.SUBMITTED ? IncentiveClaim.Step.VERIFY
                : IncentiveClaim.Step.APPROVE_BY_FINANCE;
        String opinion = FormValues.text(execution.getVariable(Var.OPINION));
        String actor = Actors.current(identityService, Actors.SYSTEM);
        if (claims.reject(claimId, step, actor, EngineClock.now(), opinion) != 1) {
            throw new IllegalStateException("claim " + claimId + " cannot be rejected in status " + claim.status());
        }
        if (claim.projectId() != null) {
            ledger.note(claim.projectId(), ClaimEvents.REJECTED, actor, claim.awardType().label() + "申报 #" + claimId
                    + (IncentiveClaim.Step.VERIFY.equals(step) ? " 核实未通过：" : " 财政审批驳回：") + opinion);
        }
    }
}
