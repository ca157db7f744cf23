package cn.zhaoshang.lead;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhaoshang.system.Callers;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.system.LostRaces;

@RestController
@RequestMapping(path = "/api/leads", produces = MediaType.APPLICATION_JSON_VALUE)
class LeadController {

    private final LeadService leads;
    private final LostRaces lostRaces;

    LeadController(LeadService leads, LostRaces lostRaces) {
        this.leads = leads;
        this.lostRaces = lostRaces;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LeadService.Reported> report(@RequestBody LeadReport report, Authentication caller) {
        LeadService.Reported reported = leads.report(report);
        return ResponseEntity.created(URI.create("/api/leads/" + reported.leadId())).body(reported);
    }

    @GetMapping("/{id}")
    LeadService.LeadDetail get(@PathVariable long id) {
        return leads.get(id);
    }

    @GetMapping
    List<Lead> list(@RequestParam(required = false) LeadStatus status, @RequestParam(required = false) String unit,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer limit) {
        return leads.list(status, unit, from, to, limit);
    }

    record AttributionCorrection(String reportingUnit, String reason) {
    }

    /** 归属更正: administrators only, with a reason; the ledger of the lead and of its projects records it. */
    @PutMapping(path = "/{id}/attribution", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> correctAttribution(@PathVariable long id, @RequestBody AttributionCorrection correction,
            Authentication caller) {
        Callers.requireAnyGroup(caller, "只有系统管理员可以更正线索归属 / Only an administrator may correct an attribution",
                Groups.ADMIN);
        leads.correctAttribution(id, correction.reportingUnit(), correction.reason(), caller.getName());
        return ResponseEntity.noContent().build();
    }

    record Withdrawal(String reason) {
    }

    @PostMapping(path = "/{id}/withdraw")
    ResponseEntity<Void> withdraw(@PathVariable long id, @RequestBody(required = false) Withdrawal withdrawal,
            Authentication caller) {
        // a meeting's decision reaching the lead in the same instant: tried again, the lead then says why it cannot be
        lostRaces.run(() -> leads.withdraw(id, caller.getName(), Callers.inAnyGroup(caller, Groups.INVESTMENT_CENTER),
                withdrawal == null ? null : withdrawal.reason()));
        return ResponseEntity.noContent().build();
    }
}
