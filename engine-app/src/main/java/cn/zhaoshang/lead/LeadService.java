package cn.zhaoshang.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.ledger.LedgerEvent;
import cn.zhaoshang.ledger.LedgerEventMapper;
import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.security.AuditAction;
import cn.zhaoshang.security.AuditLog;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.WithoutAuthorization;
import cn.zhaoshang.unit.UnitMapper;

import static cn.zhaoshang.lead.LeadScreening.Var;

/** Reporting, reading and withdrawing leads (线索报送, tongcheng §19; 线索追溯, xuancheng-2019 §三.1). */
@Service
public class LeadService {

    static final int MAX_LIST = 500;

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final LeadMapper leads;
    private final LeadRevisionMapper revisions;
    private final ConsultationMapper consultations;
    private final LedgerEventMapper events;
    private final ProjectMapper projects;
    private final LeadLedger ledger;
    private final UnitMapper unitMapper;
    private final AuditLog audit;
    private final Visibility visibility;

    LeadService(RuntimeService runtimeService, IdentityService identityService,
            LeadMapper leads, LeadRevisionMapper revisions, ConsultationMapper consultations, LedgerEventMapper events,
            ProjectMapper projects, LeadLedger ledger, UnitMapper unitMapper, AuditLog audit, Visibility visibility) {
        this.audit = audit;
        this.visibility = visibility;
        this.ledger = ledger;
        this.unitMapper = unitMapper;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.leads = leads;
        this.revisions = revisions;
        this.consultations = consultations;
        this.events = events;
        this.projects = projects;
    }

    /** The engine's current authentication (the caller) becomes the reporter. */
    @Transactional
    public Reported report(LeadReport report) {
        // registerLeadDelegate checks the report (the same rules as for the Tasklist start form); its 400 rolls all back.
        // The amounts are checked here first, as sent: as process variables they become doubles, which would round
        // 1e-400 to 0 and let it pass.
        List<FieldError> asSent = LeadReportValidator.validate(report);
        if (!asSent.isEmpty()) {
            throw ApiException.validation(asSent);
        }
        Map<String, Object> variables = LeadReportValidator.toVariables(report);
        try {
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(LeadScreening.PROCESS_KEY, variables);
            Lead lead = leads.findById(Long.parseLong(instance.getBusinessKey())).orElseThrow();
            return new Reported(lead.getId(), instance.getId(), lead.getStatus());
        } catch (RuntimeException e) {
            throw ApiException.fromEngine(e);
        }
    }

    /** One lead as the caller may read it (404 outside their scope), with the projects made from it they may read. */
    @Transactional(readOnly = true)
    public LeadDetail get(long leadId) {
        visibility.requireLead(leadId);
        Lead lead = leads.findById(leadId).orElseThrow(() -> notFound(leadId));
        List<Long> projectIds = projects.findByLeadId(leadId).stream().map(Project::getId).toList();
        Set<Long> readable = visibility.visibleProjects(projectIds);
        return new LeadDetail(lead, lead.getStatus().label(), revisions.findByLeadId(leadId),
                consultations.findByLeadId(leadId), projectIds.stream().filter(readable::contains).toList(),
                events.findByLeadId(leadId));
    }

    @Transactional(readOnly = true)
    public List<Lead> list(LeadStatus status, String unit, Instant from, Instant before, Integer limit) {
        int size = limit == null ? 100 : Math.max(1, Math.min(limit, MAX_LIST));
        return leads.search(new LeadQuery(status, unit, null, from, before, size, visibility.scope()));
    }

    /**
     * The reporter (or the investment center) withdraws a lead that is still being screened. Camunda's grants cannot
     * say "your own lead", so that check is made here and the engine call runs without the caller's grants.
     */
    @Transactional
    public void withdraw(long leadId, String userId, boolean center, String reason) {
        visibility.requireLead(leadId);
        Lead lead = leads.findById(leadId).orElseThrow(() -> notFound(leadId));
        if (!center && !userId.equals(lead.getReporter())) {
            throw ApiException.forbidden("只有报送人或投资促进中心可以撤回线索 / Only the reporter or the investment center "
                    + "may withdraw a lead");
        }
        if (LeadStatus.FINAL.contains(lead.getStatus())) {
            throw ApiException.conflict("LEAD_CLOSED", "线索已「" + lead.getStatus().label() + "」，不能撤回 / The lead is "
                    + lead.getStatus() + " and cannot be withdrawn");
        }
        if (reason != null && reason.length() > 2000) {
            throw ApiException.validation(List.of(new FieldError("reason", "撤回理由不能超过 2000 字 / reason too long")));
        }
        WithoutAuthorization.run(identityService, () -> runtimeService
                .createMessageCorrelation(LeadScreening.MESSAGE_LEAD_WITHDRAWN)
                .processInstanceBusinessKey(String.valueOf(leadId))
                .setVariable(Var.WITHDRAWN_BY, userId)
                .setVariable(Var.OPINION, reason == null || reason.isBlank() ? null : reason.strip())
                .correlateWithResult());
    }

    /** The audited administrator correction of a lead's reporting unit (the only way to change the attribution). */
    @Transactional
    public void correctAttribution(long leadId, String unit, String reason, String adminId) {
        List<FieldError> errors = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "更正归属必须说明理由 / A reason is required"));
        } else if (reason.length() > 1000) {
            errors.add(new FieldError("reason", "理由不能超过 1000 字 / reason too long"));
        }
        if (unit == null || unitMapper.findByCode(unit).isEmpty()) {
            errors.add(new FieldError("reportingUnit", "报送单位 " + unit + " 不存在 / Unknown unit " + unit));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Lead lead = leads.findById(leadId).orElseThrow(() -> notFound(leadId));
        if (lead.getReportingUnit().equals(unit)) {
            throw ApiException.conflict("ATTRIBUTION_UNCHANGED", "线索已归属该单位 / The lead already belongs to " + unit);
        }
        ledger.correctAttribution(leadId, unit, adminId, reason.strip());
        // also an administrator's action: the audit log has it next to user and deployment changes (same transaction)
        audit.record(adminId, AuditAction.ATTRIBUTION_CORRECTED, "lead " + leadId,
                lead.getReportingUnit() + " → " + unit + "；理由 / reason: " + reason.strip());
    }

    private static ApiException notFound(long leadId) {
        return ApiException.notFound("线索 " + leadId + " 不存在 / Lead " + leadId + " not found");
    }

    public record Reported(long leadId, String processInstanceId, LeadStatus status) {
    }

    public record LeadDetail(@com.fasterxml.jackson.annotation.JsonUnwrapped Lead lead, String statusLabel,
            List<LeadRevision> revisions, List<ConsultationOpinion> consultations, List<Long> projectIds,
            List<LedgerEvent> ledger) {
    }
}
