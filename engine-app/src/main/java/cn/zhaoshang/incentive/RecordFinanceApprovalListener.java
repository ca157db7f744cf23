package cn.zhaoshang.incentive;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.incentive.IncentiveClaim.Var;

/**
 * On 财政审批 ({@code complete}): APPROVE is recorded (who, when, opinion) and goes into the project's ledger; REJECT
 * needs the reason (recorded by {@link RejectIncentiveClaimDelegate}). chenzhou §6, §11: 由受益财政兑现.
 */
@Component(IncentiveClaim.Bean.RECORD_FINANCE_APPROVAL)
class RecordFinanceApprovalListener implements TaskListener {

    private final IncentiveClaimMapper claims;
    private final ProjectLedger ledger;
    private final IdentityService identityService;

    RecordFinanceApprovalListener(IncentiveClaimMapper claims, ProjectLedger ledger, IdentityService identityService) {
        this.claims = claims;
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        long claimId = ((Number) task.getVariable(Var.CLAIM_ID)).longValue();
        String decision = FormValues.text(task.getVariable(Var.DECISION));
        String opinion = FormValues.text(task.getVariable(Var.OPINION));
        List<FieldError> errors = new ArrayList<>();
        if ("REJECT".equals(decision)) {
            FormValues.requireText(errors, Var.OPINION, opinion, 2000, "驳回理由");
        } else if ("APPROVE".equals(decision)) {
            FormValues.limitText(errors, Var.OPINION, opinion, 2000, "审批意见");
        } else {
            errors.add(new FieldError(Var.DECISION, "请选择同意（APPROVE）或驳回（REJECT）/ decision must be APPROVE or REJECT"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if ("REJECT".equals(decision)) {
            return;
        }
        String actor = Actors.current(identityService, task.getAssignee());
        if (claims.approve(claimId, actor, EngineClock.now(), opinion) != 1) {
            throw new InvalidInputException(Var.DECISION, "该申报已审批 / This claim is already decided");
        }
        Claim claim = claims.findById(claimId).orElseThrow();
        if (claim.projectId() != null) {
            ledger.note(claim.projectId(), ClaimEvents.APPROVED, actor, claim.awardType().label() + "申报 #" + claimId
                    + " 财政审批同意，金额 " + claim.amountYuan().toPlainString() + " 元"
                    + (opinion == null ? "" : "：" + opinion));
        }
    }
}
