package cn.zhaoshang.lead;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.ledger.LedgerEvent;
import cn.zhaoshang.ledger.LedgerEventMapper;
import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectMapper;

/**
 * Every stage change of a lead with its append-only ledger event (xuancheng-2019 §三.1 线索追溯). Called from service
 * tasks and listeners, it joins the engine's transaction (MANDATORY): the step and its record commit together.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class LeadLedger {

    private final LeadMapper leads;
    private final LeadRevisionMapper revisions;
    private final LedgerEventMapper events;
    private final ProjectMapper projects;
    private final ObjectMapper json;

    public LeadLedger(LeadMapper leads, LeadRevisionMapper revisions, LedgerEventMapper events, ProjectMapper projects,
            ObjectMapper json) {
        this.projects = projects;
        this.leads = leads;
        this.revisions = revisions;
        this.events = events;
        this.json = json;
    }

    /** A new lead, version 1, as reported. */
    public Lead report(LeadReport report, String reporter, String processInstanceId) {
        Instant now = EngineClock.now();
        Lead lead = new Lead();
        lead.apply(report);
        lead.setReporter(reporter);
        lead.setStatus(LeadStatus.REPORTED);
        lead.setVersion(1);
        lead.setProcessInstanceId(processInstanceId);
        lead.setReportedAt(now);
        lead.setUpdatedAt(now);
        leads.insert(lead);
        revisions.insert(new LeadRevision(null, lead.getId(), 1, toJson(report), "线索报送", reporter, now));
        append(lead.getId(), "REPORTED", null, LeadStatus.REPORTED, reporter,
                "报送线索：" + report.companyName() + " · " + report.projectName());
        return lead;
    }

    /** The reporter's supplement: a new version of the report; the earlier ones stay in lead_revision. */
    public Lead supplement(long leadId, LeadReport report, String actor, String note) {
        Lead lead = lock(leadId);
        if (!lead.getReportingUnit().equals(report.reportingUnit())) {
            throw new IllegalArgumentException("reporting unit cannot change");
        }
        int version = lead.getVersion() + 1;
        lead.apply(report);
        lead.setVersion(version);
        lead.setUpdatedAt(EngineClock.now());
        leads.updateReport(lead);
        revisions.insert(new LeadRevision(null, leadId, version, toJson(report), note, actor, EngineClock.now()));
        changeStatus(leadId, LeadStatus.REPORTED, actor, "补充后重新报送（第 " + version + " 版）");
        return lead;
    }

    /** A duplicate ends merged into the earlier lead, which keeps the attribution; both ledgers say so. */
    public void merge(long leadId, long earlierLeadId, String actor, String opinion) {
        Lead lead = lock(leadId);
        lock(earlierLeadId);
        leads.markMerged(leadId, earlierLeadId, opinion, EngineClock.now());
        append(leadId, "STATUS_CHANGED", lead.getStatus(), LeadStatus.MERGED, actor,
                "合并至在先线索 #" + earlierLeadId + (opinion == null ? "" : "：" + opinion));
        append(earlierLeadId, "DUPLICATE_MERGED", null, null, actor,
                "重复线索 #" + leadId + "（" + lead.getReportingUnit() + " 报送）已合并至本线索，归属不变");
    }

    public void changeStatus(long leadId, LeadStatus to, String actor, String note) {
        Lead lead = lock(leadId);
        leads.updateStatus(leadId, to, EngineClock.now());
        append(leadId, "STATUS_CHANGED", lead.getStatus(), to, actor, note);
    }

    /** The status was already written (together with other columns); this records the change. */
    public void recordStatusChange(long leadId, LeadStatus from, LeadStatus to, String actor, String note) {
        append(leadId, "STATUS_CHANGED", from, to, actor, note);
    }

    /** An event that does not change the status (reminder, consultation answer, major-project flag). */
    public void note(long leadId, String eventType, String actor, String note) {
        append(leadId, eventType, null, null, actor, note);
    }

    /**
     * The audited administrator correction of a lead's attribution (its reporting unit), the only way to change it;
     * every project made from the lead follows, and the lead's and each project's ledger say who, when and why.
     */
    public void correctAttribution(long leadId, String unit, String actor, String reason) {
        Lead lead = lock(leadId);
        leads.updateReportingUnit(leadId, unit, EngineClock.now());
        String note = "归属更正：" + lead.getReportingUnit() + " → " + unit + "。理由：" + reason;
        append(leadId, "ATTRIBUTION_CORRECTED", null, null, actor, note);
        for (Project project : projects.findByLeadId(leadId)) {
            events.insert(new LedgerEvent(null, project.getId(), leadId, null, "ATTRIBUTION_CORRECTED", null, null,
                    actor, note, EngineClock.now()));
        }
        projects.updateReportingUnitOfLead(leadId, unit, EngineClock.now());
    }

    public Lead lock(long leadId) {
        return leads.lockById(leadId)
                .orElseThrow(() -> new IllegalStateException("lead " + leadId + " does not exist"));
    }

    private void append(long leadId, String type, LeadStatus from, LeadStatus to, String actor, String note) {
        events.insert(new LedgerEvent(null, null, leadId, null, type, from == null ? null : from.name(),
                to == null ? null : to.name(), actor, note, EngineClock.now()));
    }

    private String toJson(LeadReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
