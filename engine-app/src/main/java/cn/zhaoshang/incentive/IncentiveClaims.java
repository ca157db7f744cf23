package cn.zhaoshang.incentive;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.security.DataScope;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.ConcurrencyFailures;
import cn.zhaoshang.system.Groups;

import static cn.zhaoshang.incentive.IncentiveClaim.Var;

/**
 * Incentive claims for the REST API and the workbench: registering one starts Process_IncentiveClaim, whose first
 * step checks it and holds its basis (a claim on a basis already held is a 409 {@code INCENTIVE_ALREADY_CLAIMED},
 * nothing of it is kept); reads go through the caller's data scope — county-wide readers and finance read every
 * claim, others those they registered, worked on or whose project they read.
 */
@Service
public class IncentiveClaims {

    public static final int LIST_LIMIT = 500;

    private final RuntimeService runtimeService;
    private final IncentiveClaimMapper claims;
    private final Visibility visibility;

    IncentiveClaims(RuntimeService runtimeService, IncentiveClaimMapper claims, Visibility visibility) {
        this.runtimeService = runtimeService;
        this.claims = claims;
        this.visibility = visibility;
    }

    /** Registers the claim as the current caller; 400 for bad input, 409 when its basis is held by another claim. */
    public Claim submit(ClaimRequest request) {
        long id;
        try {
            id = startRetryingLostRaces(request);
        } catch (RuntimeException e) {
            Optional<BasisAlreadyClaimedException> taken = BasisAlreadyClaimedException.findIn(e);
            if (taken.isPresent()) {
                // read after the rollback: the claim that holds the basis now (committed)
                Optional<Claim> holder = claims.findHolder(taken.get().basisKey());
                throw ApiException.conflict("INCENTIVE_ALREADY_CLAIMED", "该奖励依据已有申报"
                        + holder.map(h -> "（编号 " + h.id() + "，" + h.status().label() + "）").orElse("")
                        + "，同一依据只能兑现一次 / This award has already been claimed"
                        + holder.map(h -> " (claim " + h.id() + ", " + h.status() + ")").orElse("")
                        + "; the same basis is paid once");
            }
            throw ApiException.fromEngine(e);
        }
        return claims.findById(id).orElseThrow();
    }

    /**
     * A registration that lost a race on something else than the basis (the database picking a deadlock victim among
     * two inserts) is tried again from scratch — the whole transaction was rolled back — and then meets the claim that
     * won, by its basis.
     */
    private long startRetryingLostRaces(ClaimRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start(request);
            } catch (RuntimeException e) {
                if (attempt >= 3 || !ConcurrencyFailures.isLostRace(e)
                        || BasisAlreadyClaimedException.findIn(e).isPresent()) {
                    throw e;
                }
            }
        }
    }

    private long start(ClaimRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.AWARD_TYPE, request.awardType());
        variables.put(Var.PROJECT_ID, request.projectId());
        variables.put(Var.CLAIMANT_NAME, request.claimantName());
        variables.put(Var.AWARD_YEAR, request.awardYear());
        // amounts as their decimal text (read back exactly by FormValues.decimal), never as serialized BigDecimal
        // objects; the engine's command is the one transaction, rolled back whole when the registration refuses
        variables.put(Var.CLAIMED_PAID_IN_USD_WAN,
                request.claimedPaidInUsdWan() == null ? null : request.claimedPaidInUsdWan().toPlainString());
        variables.put(Var.EXCHANGE_RATE, request.exchangeRate() == null ? null : request.exchangeRate().toPlainString());
        variables.put(Var.CLAIM_NOTE, request.claimNote());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(IncentiveClaim.PROCESS_KEY, variables);
        return Long.parseLong(instance.getBusinessKey());
    }

    @Transactional(readOnly = true)
    public List<Claim> list(ClaimStatus status, AwardType type, Long projectId) {
        DataScope scope = visibility.scope();
        return claims.list(scope, readsAll(scope), status, type, projectId, LIST_LIMIT);
    }

    /** The claim, or 404 when it does not exist or is outside the caller's scope. */
    @Transactional(readOnly = true)
    public Claim get(long id) {
        DataScope scope = visibility.scope();
        if (claims.countVisible(scope, readsAll(scope), id) == 0) {
            throw ApiException.notFound("奖励申报 " + id + " 不存在 / Incentive claim " + id + " not found");
        }
        return claims.findById(id).orElseThrow();
    }

    private static boolean readsAll(DataScope scope) {
        return scope.countyWide() || scope.groups().contains(Groups.FINANCE);
    }
}
