package cn.zhaoshang.incentive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.security.AuditAction;
import cn.zhaoshang.security.AuditLog;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.incentive.IncentiveClaim.Var;

/**
 * On 登记兑付 ({@code complete}): the day it was paid (not in the future) and the voucher number (记账凭证号, one
 * voucher pays one claim — unique in the database too); who recorded it and when are the engine's. The claim becomes
 * PAID and keeps its basis for good; the payout goes into the project's ledger and the audit log.
 */
@Component(IncentiveClaim.Bean.RECORD_PAYOUT)
class RecordPayoutListener implements TaskListener {

    private final IncentiveClaimMapper claims;
    private final ProjectLedger ledger;
    private final AuditLog audit;
    private final IdentityService identityService;

    RecordPayoutListener(IncentiveClaimMapper claims, ProjectLedger ledger, AuditLog audit,
            IdentityService identityService) {
        this.claims = claims;
        this.ledger = ledger;
        this.audit = audit;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        long claimId = ((Number) task.getVariable(Var.CLAIM_ID)).longValue();
        List<FieldError> errors = new ArrayList<>();
        LocalDate paidOn = FormValues.pastDate(task.getVariable(Var.PAID_ON), Var.PAID_ON, "兑付日期", errors);
        String voucher = FormValues.text(task.getVariable(Var.VOUCHER_NUMBER));
        FormValues.requireText(errors, Var.VOUCHER_NUMBER, voucher, 100, "记账凭证号");
        if (voucher != null && claims.countVoucher(voucher) > 0) {
            errors.add(new FieldError(Var.VOUCHER_NUMBER, "记账凭证号 " + voucher + " 已用于其他兑付 / voucher already used"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String actor = Actors.current(identityService, task.getAssignee());
        if (claims.pay(claimId, actor, EngineClock.now(), paidOn, voucher) != 1) {
            throw new InvalidInputException(Var.VOUCHER_NUMBER, "该申报已兑付 / This claim is already paid");
        }
        Claim claim = claims.findById(claimId).orElseThrow();
        String details = claim.awardType().label() + " " + claim.amountYuan().toPlainString() + " 元 → "
                + claim.claimantName() + "，兑付日期 " + paidOn + "，记账凭证号 " + voucher + "，依据 " + claim.basisKey();
        if (claim.projectId() != null) {
            ledger.note(claim.projectId(), ClaimEvents.PAID, actor, "申报 #" + claimId + " 已兑现：" + details);
        }
        audit.record(actor, AuditAction.INCENTIVE_PAID, "incentive-claim " + claimId, details);
    }
}
