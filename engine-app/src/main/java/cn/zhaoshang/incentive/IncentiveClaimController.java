package cn.zhaoshang.incentive;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.zhaoshang.ledger.LedgerEvent;
import cn.zhaoshang.ledger.LedgerEventMapper;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.FormValues;

/**
 * 招商引资奖励兑现: register a claim (the investment center or the project's carrier — Camunda's CREATE_INSTANCE grant,
 * system/IdentitySetup), list and read claims in the caller's data scope. Verification, approval and payout are the
 * process's tasks, completed through {@code POST /api/tasks/{id}/complete} like every other step.
 */
@RestController
@RequestMapping(path = "/api/incentive-claims", produces = MediaType.APPLICATION_JSON_VALUE)
class IncentiveClaimController {

    private final IncentiveClaims claims;
    private final LedgerEventMapper events;

    IncentiveClaimController(IncentiveClaims claims, LedgerEventMapper events) {
        this.claims = claims;
        this.events = events;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Claim> submit(@RequestBody ClaimRequest body) {
        Claim claim = claims.submit(body);
        return ResponseEntity.created(URI.create("/api/incentive-claims/" + claim.id())).body(claim);
    }

    /** Newest first, at most {@value IncentiveClaims#LIST_LIMIT}; {@code status}, {@code awardType}, {@code projectId}. */
    @GetMapping
    List<Claim> list(@RequestParam(required = false) String status, @RequestParam(required = false) String awardType,
            @RequestParam(required = false) Long projectId) {
        ClaimStatus s = FormValues.parseEnum(ClaimStatus.class, status);
        AwardType t = FormValues.parseEnum(AwardType.class, awardType);
        if ((status != null && s == null) || (awardType != null && t == null)) {
            throw ApiException.validation(List.of(new FieldError(status != null && s == null ? "status" : "awardType",
                    "取值不正确 / unknown value")));
        }
        return claims.list(s, t, projectId);
    }

    /** The claim with the ledger of the project it is about (its own events among them); 404 outside the scope. */
    @GetMapping("/{id}")
    ClaimDetail get(@PathVariable long id) {
        Claim claim = claims.get(id);
        List<LedgerEvent> ledger = claim.projectId() == null ? List.of() : events.findByProjectId(claim.projectId())
                .stream().filter(event -> event.eventType().startsWith("INCENTIVE_")).toList();
        return new ClaimDetail(claim, ledger);
    }

    record ClaimDetail(@JsonUnwrapped Claim claim, List<LedgerEvent> ledger) {
    }
}
