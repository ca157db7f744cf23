package cn.zhaoshang.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.agreement.Agreement;
import cn.zhaoshang.agreement.AgreementMapper;
import cn.zhaoshang.agreement.AgreementReviewRecord;
import cn.zhaoshang.fulfilment.Milestone;
import cn.zhaoshang.fulfilment.MilestoneMapper;
import cn.zhaoshang.lead.ConsultationMapper;
import cn.zhaoshang.lead.ConsultationOpinion;
import cn.zhaoshang.lead.Lead;
import cn.zhaoshang.lead.LeadMapper;
import cn.zhaoshang.ledger.ApprovalRecord;
import cn.zhaoshang.ledger.ApprovalRecordMapper;
import cn.zhaoshang.ledger.LedgerEvent;
import cn.zhaoshang.ledger.LedgerEventMapper;
import cn.zhaoshang.ledger.LedgerRow;
import cn.zhaoshang.ledger.LedgerService;
import cn.zhaoshang.ledger.LedgerStage;
import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.meeting.MeetingMapper;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitMapper;

/**
 * What the workbench shows of one project or one lead (its 档案): the facts of the ledger row, the processes with their
 * diagrams, the timeline of ledger events, the sign-offs with their opinions, and the documents (agreement drafts,
 * meeting minutes). Read from the same mappers and services the REST API uses; every list is one query. Only for a
 * caller who may read the project or lead (security/Visibility, as GET /api/projects/{id} and /api/leads/{id}): anyone
 * else gets the 404 page.
 */
@Component
class CaseFiles {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(EngineClock.BEIJING);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(EngineClock.BEIJING);

    private final ProjectMapper projects;
    private final LeadMapper leads;
    private final LedgerService ledger;
    private final LedgerEventMapper events;
    private final ApprovalRecordMapper approvals;
    private final AgreementMapper agreements;
    private final MilestoneMapper milestones;
    private final MeetingMapper meetings;
    private final ConsultationMapper consultations;
    private final UnitMapper units;
    private final ProcessHistory processes;
    private final IdentityService identity;
    private final Visibility visibility;

    CaseFiles(ProjectMapper projects, LeadMapper leads, LedgerService ledger, LedgerEventMapper events,
            ApprovalRecordMapper approvals, AgreementMapper agreements, MilestoneMapper milestones,
            MeetingMapper meetings, ConsultationMapper consultations, UnitMapper units, ProcessHistory processes,
            IdentityService identity, Visibility visibility) {
        this.visibility = visibility;
        this.projects = projects;
        this.leads = leads;
        this.ledger = ledger;
        this.events = events;
        this.approvals = approvals;
        this.agreements = agreements;
        this.milestones = milestones;
        this.meetings = meetings;
        this.consultations = consultations;
        this.units = units;
        this.processes = processes;
        this.identity = identity;
    }

    record Fact(String label, String value, String href) {
    }

    record EventView(String time, String label, String actor, String transition, String note, boolean warning) {
    }

    record ApprovalView(String step, String decision, String opinion, String actor, String time, String meeting) {
    }

    record ReviewView(String step, int draftVersion, String decision, String opinion, String actor, String time) {
    }

    record ConsultationView(String department, int round, String answer, String opinion, String actor, String due,
            String answered, boolean late, boolean overdue) {
    }

    record DraftView(int version, String fileName, String size, String uploadedBy, String uploadedAt, String sha256,
            String note, String href) {
    }

    record MinutesView(String minutesNumber, String heldOn, String decision, String reason, String href) {
    }

    record MilestoneView(String label, String due, String reached, boolean overdue, boolean escalated) {
    }

    /** The whole file; lists a lead or a project does not have are empty, {@code agreement} null without one. */
    record CaseFile(String kind, long id, String companyName, String projectName, String stage, String status,
            List<Fact> facts, List<String> warnings, List<ProcessHistory.Diagram> diagrams, List<EventView> timeline,
            List<ApprovalView> approvals, List<ConsultationView> consultations, List<Fact> agreement,
            List<ReviewView> reviews, List<DraftView> drafts, List<MilestoneView> milestones,
            List<MinutesView> minutes) {

        public boolean isProject() {
            return LedgerRow.PROJECT.equals(kind);
        }

        public String pageTitle() {
            return companyName + " · " + (isProject() ? "项目" : "线索") + " #" + id;
        }
    }

    @Transactional(readOnly = true)
    public CaseFile project(long projectId) {
        visibility.requireProject(projectId);
        Project project = projects.findById(projectId).orElseThrow(() -> ApiException.notFound(
                "项目 " + projectId + " 不存在 / Project " + projectId + " not found"));
        Lead lead = project.getLeadId() == null ? null : leads.findById(project.getLeadId()).orElse(null);
        Optional<LedgerRow> row = ledger.project(projectId);
        Map<String, String> unitNames = unitNames();

        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("审批层级", project.getTier() == null ? "尚未确定" : LedgerRow.tierLabel(project.getTier()), null));
        facts.add(new Fact("产业类别", LedgerRow.categoryLabel(project.getProjectCategory()), null));
        facts.add(new Fact("总投资", LedgerPageController.amount(project.getTotalInvestmentWan()) + " 万元", null));
        facts.add(new Fact("用地", land(project.isLandRequired(), project.getLandAreaMu()), null));
        facts.add(new Fact("报送单位", unit(unitNames, project.getReportingUnit()), null));
        facts.add(new Fact("责任单位", unit(unitNames, project.getResponsibleUnit()), null));
        facts.add(new Fact("落户载体", project.getCarrierUnit(), null));
        facts.add(new Fact("责任领导（专班组长）", project.getTaskForceLeader(), null));
        if (lead != null) {
            facts.add(new Fact("来源线索", "线索 #" + lead.getId() + "（" + DAY.format(lead.getReportedAt()) + " 报送）",
                    "/ledger/leads/" + lead.getId()));
        }
        if (project.getSplitFromProjectId() != null) {
            facts.add(new Fact("拆分自", "项目 #" + project.getSplitFromProjectId(),
                    "/projects/" + project.getSplitFromProjectId()));
        }
        row.ifPresent(r -> facts.add(new Fact("最近更新", MINUTE.format(r.lastUpdateAt()), null)));

        // the project's history reads back to its lead (线索追溯): the lead's events before the project, then both
        Map<Long, LedgerEvent> byId = new LinkedHashMap<>();
        if (lead != null) {
            events.findByLeadId(lead.getId()).forEach(e -> byId.put(e.id(), e));
        }
        events.findByProjectId(projectId).forEach(e -> byId.put(e.id(), e));
        List<LedgerEvent> timeline = new ArrayList<>(byId.values());
        timeline.sort(Comparator.comparing(LedgerEvent::occurredAt).thenComparing(LedgerEvent::id));

        List<ApprovalRecord> signOffs = approvals.findByProjectId(projectId);
        Optional<Agreement> agreement = agreements.findLatestOfProject(projectId);
        List<AgreementReviewRecord> reviews = agreement.map(a -> agreements.findReviews(a.id())).orElse(List.of());
        List<ConsultationOpinion> opinions = lead == null ? List.of() : consultations.findByLeadId(lead.getId());

        Set<String> people = new LinkedHashSet<>();
        timeline.forEach(e -> people.add(e.actor()));
        signOffs.forEach(a -> people.add(a.getUserId()));
        reviews.forEach(r -> people.add(r.userId()));
        opinions.forEach(o -> people.add(o.answeredBy()));
        agreement.ifPresent(a -> people.add(a.negotiator()));
        Map<String, String> names = names(people);

        List<Fact> agreementFacts = agreement.map(a -> agreementFacts(a, names)).orElse(List.of());
        List<DraftView> drafts = agreement.map(a -> agreements.findDrafts(a.id()).stream()
                .map(d -> new DraftView(d.version(), d.fileName(), size(d.sizeBytes()), person(names, d.uploadedBy()),
                        MINUTE.format(d.uploadedAt()), d.sha256(), d.note(),
                        "/projects/" + projectId + "/drafts/" + d.version()))
                .toList()).orElse(List.of());
        LocalDate today = EngineClock.today();
        List<MilestoneView> milestoneViews = milestones.findByProject(projectId).stream()
                .map(m -> new MilestoneView(Milestone.label(m.milestone()), m.dueOn().toString(),
                        m.reachedOn() == null ? null : m.reachedOn().toString(),
                        m.reachedOn() == null && m.dueOn().isBefore(today), m.escalatedAt() != null))
                .toList();

        return new CaseFile(LedgerRow.PROJECT, projectId, project.getCompanyName(), project.getProjectName(),
                LedgerStage.ofProject(project.getStatus()).label(), project.getStatus().label(), facts,
                row.map(LedgerRow::warnings).orElse(List.of()), processes.of(lead == null ? null
                        : lead.getProcessInstanceId(), projectId),
                timeline.stream().map(e -> event(e, names)).toList(),
                signOffs.stream().map(a -> approval(a, names)).toList(),
                opinions.stream().map(o -> consultation(o, names, lead)).toList(), agreementFacts,
                reviews.stream().map(r -> new ReviewView(r.stepName(), r.draftVersion(), Labels.reviewDecision(r.decision()),
                        r.opinion(), person(names, r.userId()), MINUTE.format(r.decidedAt()))).toList(),
                drafts, milestoneViews, lead == null ? List.of() : minutes(lead.getId(), "/projects/" + projectId));
    }

    @Transactional(readOnly = true)
    public CaseFile lead(long leadId) {
        visibility.requireLead(leadId);
        Lead lead = leads.findById(leadId).orElseThrow(() -> ApiException.notFound(
                "线索 " + leadId + " 不存在 / Lead " + leadId + " not found"));
        Map<String, String> unitNames = unitNames();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("产业类别", LedgerRow.categoryLabel(lead.getProjectCategory()), null));
        facts.add(new Fact("总投资", LedgerPageController.amount(lead.getTotalInvestmentWan()) + " 万元", null));
        if (lead.getForeignCapitalUsdWan() != null) {
            facts.add(new Fact("外资", LedgerPageController.amount(lead.getForeignCapitalUsdWan()) + " 万美元"
                    + (lead.getSourceCountry() == null ? "" : "（" + lead.getSourceCountry() + "）"), null));
        }
        facts.add(new Fact("用地", land(lead.isLandRequired(), lead.getLandAreaMu()), null));
        facts.add(new Fact("报送单位", unit(unitNames, lead.getReportingUnit()), null));
        facts.add(new Fact("报送时间", MINUTE.format(lead.getReportedAt()), null));
        if (lead.isMajorProject()) {
            facts.add(new Fact("重大项目", lead.getMajorReason() == null ? "是" : lead.getMajorReason(), null));
        }
        if (lead.getResponsibleUnit() != null) {
            facts.add(new Fact("责任单位（转办）", unit(unitNames, lead.getResponsibleUnit()), null));
            facts.add(new Fact("责任领导（专班组长）", lead.getTaskForceLeader(), null));
        }
        if (lead.getMergedIntoLeadId() != null) {
            facts.add(new Fact("合并至", "线索 #" + lead.getMergedIntoLeadId(), "/ledger/leads/" + lead.getMergedIntoLeadId()));
        }
        if (lead.getDecisionReason() != null) {
            facts.add(new Fact("研判或处理意见", lead.getDecisionReason(), null));
        }
        List<Project> made = projects.findByLeadId(leadId);
        Set<Long> readable = visibility.visibleProjects(made.stream().map(Project::getId).toList());
        for (Project project : made) {
            if (!readable.contains(project.getId())) {
                continue;
            }
            facts.add(new Fact("转办的项目", "项目 #" + project.getId() + " " + project.getProjectName() + "（"
                    + project.getStatus().label() + "）", "/projects/" + project.getId()));
        }
        List<LedgerEvent> timeline = events.findByLeadId(leadId);
        List<ConsultationOpinion> opinions = consultations.findByLeadId(leadId);
        Set<String> people = new LinkedHashSet<>();
        timeline.forEach(e -> people.add(e.actor()));
        opinions.forEach(o -> people.add(o.answeredBy()));
        people.add(lead.getReporter());
        Map<String, String> names = names(people);
        facts.add(new Fact("报送人", person(names, lead.getReporter()), null));

        return new CaseFile(LedgerRow.LEAD, leadId, lead.getCompanyName(), lead.getProjectName(),
                LedgerStage.ofLead(lead.getStatus()).label(), lead.getStatus().label(), facts,
                ledger.lead(leadId).map(LedgerRow::warnings).orElse(List.of()),
                processes.of(lead.getProcessInstanceId(), null), timeline.stream().map(e -> event(e, names)).toList(),
                List.of(), opinions.stream().map(o -> consultation(o, names, lead)).toList(), List.of(), List.of(),
                List.of(), List.of(), minutes(leadId, "/ledger/leads/" + leadId));
    }

    /** The lead a project came from (null when it has none); 404 for an unknown project or one the caller may not read. */
    Long leadOf(long projectId) {
        visibility.requireProject(projectId);
        return projects.findById(projectId).orElseThrow(() -> ApiException.notFound(
                "项目 " + projectId + " 不存在 / Project " + projectId + " not found")).getLeadId();
    }

    /**
     * The caller may download this meeting's minutes from this lead's file: the lead was on its agenda (else 404), and
     * they may read every lead the minutes name (security/Visibility; else 403).
     */
    void requireMinutes(Long leadId, long meetingId) {
        if (leadId != null) {
            visibility.requireLead(leadId);
        }
        if (leadId == null || meetings.findMinutesOfLead(leadId).stream().noneMatch(m -> m.meetingId() == meetingId)) {
            throw ApiException.notFound("该会议纪要不属于本项目 / The minutes are not part of this file");
        }
        if (!visibility.canReadMinutes(meetingId)) {
            throw ApiException.forbidden("会议纪要涉及您无权查看的其他线索，请向投资促进中心索取 / The minutes name leads "
                    + "you may not read; ask the investment center");
        }
    }

    /** The minutes of the meetings that decided the lead; the download link only where the caller may read them. */
    private List<MinutesView> minutes(long leadId, String base) {
        return meetings.findMinutesOfLead(leadId).stream()
                .map(m -> new MinutesView(m.minutesNumber(), m.heldOn() == null ? "" : m.heldOn().toString(),
                        Labels.meetingDecision(m.decision()), m.reason(),
                        visibility.canReadMinutes(m.meetingId()) ? base + "/minutes/" + m.meetingId() : null))
                .toList();
    }

    private List<Fact> agreementFacts(Agreement agreement, Map<String, String> names) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("协议状态", Labels.agreementStatus(agreement.status()), null));
        facts.add(new Fact("签约主体", Labels.signingParty(agreement.signingParty()), null));
        facts.add(new Fact("起草人", person(names, agreement.negotiator()), null));
        if (agreement.contractNumber() != null) {
            facts.add(new Fact("协议编号", agreement.contractNumber(), null));
            facts.add(new Fact("签约日期", String.valueOf(agreement.signedOn()), null));
            facts.add(new Fact("约定投资", LedgerPageController.amount(agreement.agreedInvestmentWan()) + " 万元", null));
            facts.add(new Fact("约定开工", String.valueOf(agreement.constructionDueOn()), null));
        }
        return facts;
    }

    private static EventView event(LedgerEvent e, Map<String, String> names) {
        // events of a lead alone name lead statuses; events of a project (with or without its lead) project statuses
        boolean ofLead = e.projectId() == null;
        String from = Labels.status(e.fromStatus(), ofLead);
        String to = Labels.status(e.toStatus(), ofLead);
        String transition = to == null ? null : (from == null ? "→ " + to : from + " → " + to);
        return new EventView(MINUTE.format(e.occurredAt()), Labels.event(e.eventType()), person(names, e.actor()),
                transition, e.note(), Labels.WARNING_EVENTS.contains(e.eventType()));
    }

    private static ApprovalView approval(ApprovalRecord a, Map<String, String> names) {
        String meeting = a.getMeetingDate() == null ? null
                : a.getMeetingDate() + (a.getMinutesNumber() == null ? "" : "，" + a.getMinutesNumber());
        return new ApprovalView(a.getStepName(), Labels.approvalDecision(a.getDecision()), a.getOpinion(),
                person(names, a.getUserId()), MINUTE.format(a.getDecidedAt()), meeting);
    }

    private static ConsultationView consultation(ConsultationOpinion o, Map<String, String> names, Lead lead) {
        Instant now = EngineClock.now();
        boolean open = o.answer() == null && o.round() == lead.getConsultationRound();
        return new ConsultationView(o.departmentName(), o.round(), Labels.consultationAnswer(o.answer()), o.opinion(),
                o.answeredBy() == null ? null : person(names, o.answeredBy()), MINUTE.format(o.dueAt()),
                o.answeredAt() == null ? null : MINUTE.format(o.answeredAt()), o.late(),
                open && o.dueAt().isBefore(now));
    }

    /** Users' display names (their first name in the identity service) as the caller may read them; else the id. */
    private Map<String, String> names(Set<String> userIds) {
        userIds.removeIf(id -> id == null || Labels.isSystem(id));
        Map<String, String> names = new HashMap<>();
        if (!userIds.isEmpty()) {
            // as many as the ids asked for: past the engine's result limit for logged-in callers (queryMaxResultsLimit)
            for (User user : identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).unlimitedList()) {
                if (user.getFirstName() != null && !user.getFirstName().isBlank()) {
                    names.put(user.getId(), user.getFirstName().strip());
                }
            }
        }
        return names;
    }

    private static String person(Map<String, String> names, String userId) {
        if (Labels.isSystem(userId)) {
            return "系统";
        }
        String name = names.get(userId);
        return name == null || name.equals(userId) ? userId : name + "（" + userId + "）";
    }

    private Map<String, String> unitNames() {
        Map<String, String> names = new HashMap<>();
        for (Unit unit : units.findAll()) {
            names.put(unit.code(), unit.name());
        }
        return names;
    }

    private static String unit(Map<String, String> names, String code) {
        return code == null ? null : names.getOrDefault(code, code);
    }

    private static String land(boolean required, BigDecimal mu) {
        return required ? LedgerPageController.area(mu) + " 亩" : "不需用地";
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " 字节" : bytes < 1024 * 1024 ? (bytes + 512) / 1024 + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
