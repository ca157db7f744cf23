package cn.zhaoshang.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.agreement.AgreementMapper;
import cn.zhaoshang.agreement.AgreementReviewRecord;
import cn.zhaoshang.fulfilment.MilestoneMapper;
import cn.zhaoshang.lead.ConsultationMapper;
import cn.zhaoshang.lead.DuplicateKeys;
import cn.zhaoshang.lead.Lead;
import cn.zhaoshang.lead.LeadMapper;
import cn.zhaoshang.lead.LeadStatus;
import cn.zhaoshang.security.DataScope;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 项目台账 query (LedgerListMapper.xml) on the real database (H2 in MySQL mode, or MariaDB with -Pmysql); each test
 * rolls back. Every query is narrowed to this run's own company names, so rows of other tests do not count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Transactional
class LedgerListMapperIT {

    /** the queries themselves, as the county-wide roles read them (data scope: security/VisibilityIT) */
    private static final DataScope COUNTY = DataScope.countyWide("center");

    /** this run's marker in every company name (Latin letters, to show the search ignores case) */
    private final String token = "Tz" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    private final Instant now = EngineClock.now().truncatedTo(ChronoUnit.SECONDS);

    /** LedgerService reads as its caller: the investment center, as on the ledger page */
    @BeforeEach
    void logInAsCenter() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("center",
                null, List.of(new SimpleGrantedAuthority("GROUP_investment-center"))));
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Autowired
    LedgerListMapper ledger;
    @Autowired
    LedgerService service;
    @Autowired
    LeadMapper leads;
    @Autowired
    ProjectMapper projects;
    @Autowired
    LedgerEventMapper events;
    @Autowired
    ApprovalRecordMapper approvals;
    @Autowired
    AgreementMapper agreements;
    @Autowired
    MilestoneMapper milestones;
    @Autowired
    ConsultationMapper consultations;

    @Test
    void everyProject_andEveryLeadWithoutAProject_withUnitNamesAndLeader() {
        Lead screening = lead("甲", LeadStatus.REPORTED, "group-chengdong", now.minus(3, ChronoUnit.DAYS));
        Lead valid = lead("乙", LeadStatus.VALID, "office-shanghai", now.minus(20, ChronoUnit.DAYS));
        Project fromLead = project("乙", ProjectStatus.NEGOTIATING, valid, now.minus(19, ChronoUnit.DAYS));
        lead("丙", LeadStatus.MERGED, "group-chengdong", now.minus(2, ChronoUnit.DAYS));
        Project direct = project("丁", ProjectStatus.IN_APPROVAL, null, now.minus(1, ChronoUnit.DAYS));

        List<LedgerRow> rows = find(Map.of());
        assertThat(rows).extracting(LedgerRow::companyName)
                .as("newest registration first; the lead with a project shows as the project; the merged lead not at all")
                .containsExactly(company("丁"), company("甲"), company("乙"));
        LedgerRow lead = rows.get(1);
        assertThat(lead.isProject()).isFalse();
        assertThat(lead.leadId()).isEqualTo(screening.getId());
        assertThat(lead.stage()).isEqualTo(LedgerStage.SCREENING);
        assertThat(lead.statusLabel()).isEqualTo("已报送，待审核");
        assertThat(lead.reportingUnitName()).isEqualTo("城东招商组");
        assertThat(lead.tier()).isNull();
        assertThat(lead.registeredAt()).isEqualTo(screening.getReportedAt());

        LedgerRow project = rows.get(2);
        assertThat(project.projectId()).isEqualTo(fromLead.getId());
        assertThat(project.leadId()).isEqualTo(valid.getId());
        assertThat(project.stage()).isEqualTo(LedgerStage.NEGOTIATION);
        assertThat(project.registeredAt()).as("a project is registered when its lead was reported")
                .isEqualTo(valid.getReportedAt());
        assertThat(project.reportingUnitName()).isEqualTo("驻上海招商分局");
        assertThat(project.responsibleUnitName()).isEqualTo("城东工业园区");
        assertThat(project.taskForceLeader()).isEqualTo("分管副县长 李明");
        assertThat(project.totalInvestmentWan()).isEqualByComparingTo("12345.67");
        assertThat(project.landAreaMu()).isEqualByComparingTo("20.0001");
        assertThat(project.hasWarnings()).isFalse();

        LedgerRow withoutLead = rows.get(0);
        assertThat(withoutLead.projectId()).isEqualTo(direct.getId());
        assertThat(withoutLead.registeredAt()).as("without a lead: when the project was created").isEqualTo(direct.getCreatedAt());
        assertThat(withoutLead.tierLabel()).isEqualTo("T2");
        assertThat(withoutLead.stage()).isEqualTo(LedgerStage.APPROVAL);
        assertThat(ledger.count(query(Map.of()))).isEqualTo(3);
        assertThat(service.project(direct.getId())).get().extracting(LedgerRow::companyName).isEqualTo(company("丁"));
        assertThat(service.project(-1)).isEmpty();
        assertThat(service.lead(screening.getId())).get().extracting(LedgerRow::companyName).isEqualTo(company("甲"));
        assertThat(service.lead(valid.getId())).as("a lead with a project is the project's row").isEmpty();
    }

    @Test
    void filters_textStageStatusUnitCategoryTierAndDates() {
        // 2025-03-01 00:30 Beijing is still 28 February in UTC: the date range is Beijing's
        Lead early = lead("甲", LeadStatus.IN_CONSULTATION, "group-chengdong", beijing(2025, 3, 1, 0, 30));
        Lead late = lead("乙", LeadStatus.RETURNED, "town-jianshan", beijing(2025, 3, 31, 23, 59));
        Lead validLead = lead("丙", LeadStatus.VALID, "group-chengdong", beijing(2025, 2, 28, 23, 59));
        Project returned = project("丙", ProjectStatus.RETURNED, validLead, now);
        Project signed = project("丁%折扣_", ProjectStatus.SIGNED, null, beijing(2025, 4, 1, 0, 0));
        signed.setProjectCategory("INDUSTRIAL");
        signed.setTier("DEVZONE");
        projects.updateTierAndStatus(signed.getId(), "DEVZONE", ProjectStatus.SIGNED, now);
        projects.updateApplication(signed);

        assertThat(ids(Map.of("q", token.toLowerCase() + "甲"))).as("case does not matter").containsExactly(lead(early));
        assertThat(ids(Map.of("q", token + "丁%"))).as("%% and _ are literal").containsExactly(project(signed));
        assertThat(ids(Map.of("q", token + "%乙"))).isEmpty();
        assertThat(ids(Map.of("q", "_" + token))).isEmpty();
        assertThat(ids(Map.of("q", "甲工程" + token.substring(2)))).as("the project name is searched too")
                .containsExactly(lead(early));

        assertThat(ids(Map.of("stage", "SCREENING"))).containsExactlyInAnyOrder(lead(early), lead(late));
        assertThat(ids(Map.of("stage", "APPROVAL"))).containsExactly(project(returned));
        assertThat(ids(Map.of("stage", "FULFILMENT"))).containsExactly(project(signed));
        assertThat(ids(Map.of("status", "LEAD:RETURNED"))).as("lead and project statuses share names")
                .containsExactly(lead(late));
        assertThat(ids(Map.of("status", "PROJECT:RETURNED"))).containsExactly(project(returned));
        assertThat(ids(Map.of("stage", "SCREENING", "status", "PROJECT:RETURNED"))).as("stage and status both apply")
                .isEmpty();

        assertThat(ids(Map.of("unit", "town-jianshan"))).containsExactly(lead(late));
        assertThat(ids(Map.of("unit", "park-chengdong"))).as("the responsible unit counts too")
                .containsExactly(project(returned));
        assertThat(ids(Map.of("category", "INDUSTRIAL"))).containsExactly(project(signed));
        assertThat(ids(Map.of("tier", "DEVZONE"))).containsExactly(project(signed));

        assertThat(ids(Map.of("from", "2025-03-01", "to", "2025-03-31"))).as("both days inclusive, Beijing time")
                .containsExactlyInAnyOrder(lead(early), lead(late));
        assertThat(ids(Map.of("to", "2025-02-28"))).as("a project is registered when its lead was reported")
                .containsExactly(project(returned));
        assertThat(ids(Map.of("from", "2025-04-01"))).containsExactly(project(signed));
    }

    @Test
    void sortsByAWhitelistedColumn_andPages() {
        Project small = project("甲", ProjectStatus.NEGOTIATING, null, now.minus(3, ChronoUnit.DAYS));
        Project big = project("乙", ProjectStatus.NEGOTIATING, null, now.minus(2, ChronoUnit.DAYS));
        Project noLand = project("丙", ProjectStatus.NEGOTIATING, null, now.minus(1, ChronoUnit.DAYS));
        small.setTotalInvestmentWan(new BigDecimal("500"));
        big.setTotalInvestmentWan(new BigDecimal("300000"));
        noLand.setLandRequired(false);
        noLand.setLandAreaMu(null);
        projects.updateApplication(small);
        projects.updateApplication(big);
        projects.updateApplication(noLand);

        assertThat(ids(Map.of("sort", "investment", "dir", "desc")))
                .containsExactly(project(big), project(noLand), project(small));
        assertThat(ids(Map.of("sort", "investment", "dir", "asc")))
                .containsExactly(project(small), project(noLand), project(big));
        assertThat(ids(Map.of("sort", "land", "dir", "asc"))).as("no land sorts as 0 亩").startsWith(project(noLand));
        assertThat(ids(Map.of("sort", "registered", "dir", "asc")))
                .containsExactly(project(small), project(big), project(noLand));
        assertThat(ids(Map.of("sort", "company", "dir", "asc"))).hasSize(3);

        LedgerFilter filter = service.filter(Map.of("q", token, "sort", "investment", "dir", "desc"));
        assertThat(ledger.find(filter.toQuery(COUNTY, 2, 0))).extracting(LedgerRow::projectId)
                .containsExactly(big.getId(), noLand.getId());
        assertThat(ledger.find(filter.toQuery(COUNTY, 2, 2))).extracting(LedgerRow::projectId).containsExactly(small.getId());
        assertThat(ledger.count(filter.toQuery(COUNTY, 2, 2))).as("the count ignores the page").isEqualTo(3);

        assertThatThrownBy(() -> service.filter(Map.of("sort", "company_name; DROP TABLE project")))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void fulfilmentWarnings_overdueMilestonesAndStaleProgress_untilAnsweredOrClosed() {
        LocalDate today = EngineClock.today();
        Project overdue = signedWithMilestones("甲", today.minusDays(1), today.minusDays(40), today.plusDays(1));
        Project closed = signedWithMilestones("乙", today.minusDays(1));
        events.insert(new LedgerEvent(null, closed.getId(), null, null, "FULFILMENT_CLOSED", null, null, "center",
                "履约跟踪结束：合规履约", now));
        Project stale = signedWithMilestones("丙", today.plusMonths(1));
        milestones.insertProgress(stale.getId(), "UPDATE", "park-chengdong", "已开工", "carrier", now.minus(40, ChronoUnit.DAYS));
        milestones.insertProgress(stale.getId(), "STALE", "park-chengdong", "超过 31 天未更新", "system",
                now.minus(5, ChronoUnit.DAYS));
        Project answered = signedWithMilestones("丁", today.plusMonths(1));
        milestones.insertProgress(answered.getId(), "STALE", "park-chengdong", "超过 31 天未更新", "system",
                now.minus(5, ChronoUnit.DAYS));
        milestones.insertProgress(answered.getId(), "UPDATE", "park-chengdong", "已补报进度", "carrier",
                now.minus(4, ChronoUnit.DAYS));

        Map<Long, LedgerRow> rows = byProject(find(Map.of()));
        assertThat(rows.get(overdue.getId()).overdueMilestones()).as("one past due and not reached").isOne();
        assertThat(rows.get(overdue.getId()).warnings()).containsExactly("1 个履约节点逾期");
        assertThat(rows.get(closed.getId()).overdueMilestones()).as("tracking closed by the assessment").isZero();
        assertThat(rows.get(stale.getId()).progressStale()).isTrue();
        assertThat(rows.get(stale.getId()).warnings()).containsExactly("履约进度未按月更新");
        assertThat(rows.get(answered.getId()).progressStale()).as("an update after the flag answers it").isFalse();
        assertThat(ids(Map.of("warnings", "on"))).containsExactlyInAnyOrder(project(overdue), project(stale));

        // recording a milestone answers the flag too
        long agreementId = agreements.findLatestOfProject(stale.getId()).orElseThrow().id();
        milestones.reach(agreementId, "REGISTERED", today, "营业执照", "carrier", now.minus(1, ChronoUnit.DAYS));
        assertThat(byProject(find(Map.of())).get(stale.getId()).progressStale()).isFalse();
    }

    @Test
    void overdueSteps_remindedOrEscalatedUntilSignedOff_andLastUpdateIgnoresWarnings() {
        Project approval = project("甲", ProjectStatus.IN_APPROVAL, null, now.minus(10, ChronoUnit.DAYS));
        events.insert(event(approval, "STATUS_CHANGED", "center", now.minus(9, ChronoUnit.DAYS)));
        events.insert(event(approval, "REMINDER_SENT", "system", now.minus(4, ChronoUnit.DAYS)));
        Project review = project("乙", ProjectStatus.AGREEMENT_REVIEW, null, now.minus(10, ChronoUnit.DAYS));
        AgreementMapper.NewAgreement agreement = new AgreementMapper.NewAgreement(review.getId(), "deputy",
                "pi-" + token + "-review", now.minus(8, ChronoUnit.DAYS));
        agreements.insert(agreement);
        events.insert(event(review, "ESCALATED", "system", now.minus(2, ChronoUnit.DAYS)));
        Project answered = project("丙", ProjectStatus.IN_APPROVAL, null, now.minus(10, ChronoUnit.DAYS));
        events.insert(event(answered, "REMINDER_SENT", "system", now.minus(4, ChronoUnit.DAYS)));
        approvals.insert(approval(answered, now.minus(3, ChronoUnit.DAYS)));
        Project approved = project("丁", ProjectStatus.APPROVED, null, now.minus(10, ChronoUnit.DAYS));
        events.insert(event(approved, "REMINDER_SENT", "system", now.minus(4, ChronoUnit.DAYS)));

        Map<Long, LedgerRow> rows = byProject(find(Map.of()));
        assertThat(rows.get(approval.getId()).overdueSteps()).isOne();
        assertThat(rows.get(approval.getId()).escalated()).isFalse();
        assertThat(rows.get(approval.getId()).warnings()).containsExactly("审批环节超期");
        assertThat(rows.get(approval.getId()).lastUpdateAt()).as("a reminder is not progress")
                .isEqualTo(now.minus(9, ChronoUnit.DAYS));
        assertThat(rows.get(review.getId()).warnings()).containsExactly("审批环节超期（已督办）");
        assertThat(rows.get(answered.getId()).hasWarnings()).as("signed off after the reminder").isFalse();
        assertThat(rows.get(approved.getId()).hasWarnings()).as("the approval is over").isFalse();

        agreements.insertReview(new AgreementReviewRecord(null, agreement.getId(), 1, "task-" + token, "Task_ReviewByJusticeBureau",
                "司法局合法性审查", "PASS", "经审查合法", "justice", now.minus(1, ChronoUnit.DAYS)));
        assertThat(byProject(find(Map.of())).get(review.getId()).hasWarnings()).as("the review decided").isFalse();
        assertThat(ids(Map.of("warnings", "on"))).containsExactly(project(approval));
    }

    @Test
    void leadWarnings_departmentsPastTheirConsultationDueTime() {
        Lead lead = lead("甲", LeadStatus.IN_CONSULTATION, "group-chengdong", now.minus(10, ChronoUnit.DAYS));
        leads.nextConsultationRound(lead.getId(), now);
        consultations.insertRequest(lead.getId(), 1, "dept-drc", "发展和改革局", now.minus(9, ChronoUnit.DAYS),
                now.minus(2, ChronoUnit.DAYS));
        consultations.insertRequest(lead.getId(), 1, "dept-env", "生态环境分局", now.minus(9, ChronoUnit.DAYS),
                now.minus(2, ChronoUnit.DAYS));
        consultations.insertRequest(lead.getId(), 1, "dept-nr", "自然资源和规划局", now.minus(9, ChronoUnit.DAYS),
                now.minus(2, ChronoUnit.DAYS));
        consultations.insertRequest(lead.getId(), 1, "carrier", "落户载体", now.minus(9, ChronoUnit.DAYS),
                now.plus(2, ChronoUnit.DAYS));
        consultations.answer(lead.getId(), 1, "dept-nr", "AGREE", "同意", "nr", now.minus(3, ChronoUnit.DAYS));
        Lead other = lead("乙", LeadStatus.AWAITING_MEETING, "group-chengdong", now.minus(10, ChronoUnit.DAYS));

        LedgerRow row = find(Map.of("warnings", "on")).get(0);
        assertThat(row.leadId()).isEqualTo(lead.getId());
        assertThat(row.overdueSteps()).as("two departments past due; one answered, one not yet due").isEqualTo(2);
        assertThat(row.warnings()).containsExactly("2 个部门征询超期");
        assertThat(ids(Map.of("warnings", "on"))).doesNotContain(lead(other));
    }

    @Test
    void invalidFilters_areRefusedFieldByField() {
        assertThatThrownBy(() -> service.filter(Map.of("stage", "NOWHERE", "status", "LEAD:MERGED", "unit", "no-unit",
                "category", "MINING", "tier", "T9", "from", "2025-02-30", "sort", "x", "dir", "up")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.toBody().errors())
                        .extracting(f -> f.field())
                        .containsExactly("stage", "status", "unit", "category", "tier", "from", "sort", "dir"));
        assertThatThrownBy(() -> service.filter(Map.of("from", "2025-03-02", "to", "2025-03-01")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.toBody().errors())
                        .extracting(f -> f.message()).containsExactly("结束日期不能早于开始日期 / to is before from"));
    }

    private List<LedgerRow> find(Map<String, String> params) {
        return ledger.find(query(params));
    }

    /** this run's rows only: the token is added to the search unless the test searches itself */
    private LedgerQuery query(Map<String, String> params) {
        Map<String, String> own = new HashMap<>(params);
        own.putIfAbsent("q", token);
        return service.filter(own).toQuery(COUNTY, null, 0);
    }

    private List<String> ids(Map<String, String> params) {
        return find(params).stream().map(r -> r.rowKind() + "#" + r.id()).toList();
    }

    private static String lead(Lead lead) {
        return "LEAD#" + lead.getId();
    }

    private static String project(Project project) {
        return "PROJECT#" + project.getId();
    }

    private static Map<Long, LedgerRow> byProject(List<LedgerRow> rows) {
        Map<Long, LedgerRow> byId = new HashMap<>();
        rows.stream().filter(LedgerRow::isProject).forEach(r -> byId.put(r.projectId(), r));
        return byId;
    }

    private String company(String name) {
        return token + name + "有限公司";
    }

    /** the project name carries the token's digits, not the token: a search can find a row by it alone */
    private String projectName(String name) {
        return name + "工程" + token.substring(2);
    }

    private static Instant beijing(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(EngineClock.BEIJING).toInstant();
    }

    private Lead lead(String name, LeadStatus status, String unit, Instant reportedAt) {
        Lead lead = new Lead();
        lead.setCompanyName(company(name));
        lead.setCompanyKey(DuplicateKeys.company(company(name)));
        lead.setProjectName(projectName(name));
        lead.setProjectKey(DuplicateKeys.project(projectName(name)));
        lead.setIndustry("MANUFACTURING");
        lead.setProjectCategory("SERVICE");
        lead.setTotalInvestmentWan(new BigDecimal("8000"));
        lead.setLandRequired(true);
        lead.setLandAreaMu(new BigDecimal("15"));
        lead.setReportingUnit(unit);
        lead.setContactName("陈经理");
        lead.setContactPhone("13857900001");
        lead.setReporter("reporter");
        lead.setStatus(status);
        lead.setVersion(1);
        lead.setReportedAt(reportedAt);
        lead.setUpdatedAt(reportedAt);
        leads.insert(lead);
        return lead;
    }

    private Project project(String name, ProjectStatus status, Lead lead, Instant createdAt) {
        Project project = new Project();
        project.setCompanyName(company(name));
        project.setProjectName(projectName(name));
        project.setProjectCategory("SERVICE");
        project.setTotalInvestmentWan(new BigDecimal("12345.67"));
        project.setLandRequired(true);
        project.setLandAreaMu(new BigDecimal("20.0001"));
        project.setCarrierUnit("城东工业园区");
        project.setTier(status == ProjectStatus.NEGOTIATING ? null : "T2");
        project.setStatus(status);
        project.setApplicant("carrier");
        project.setCreatedAt(createdAt);
        project.setUpdatedAt(createdAt);
        if (lead != null) {
            project.setLeadId(lead.getId());
            project.setReportingUnit(lead.getReportingUnit());
            project.setResponsibleUnit("park-chengdong");
            project.setTaskForceLeader("分管副县长 李明");
        }
        projects.insert(project);
        return project;
    }

    /** A signed project with an agreement and the given milestones (REGISTERED, LAND_SUPPLIED, … in order). */
    private Project signedWithMilestones(String name, LocalDate... dueDates) {
        Project project = project(name, ProjectStatus.SIGNED, null, now.minus(200, ChronoUnit.DAYS));
        AgreementMapper.NewAgreement agreement = new AgreementMapper.NewAgreement(project.getId(), "deputy",
                "pi-" + token + "-" + project.getId(), now.minus(190, ChronoUnit.DAYS));
        agreements.insert(agreement);
        List<String> names = List.of("REGISTERED", "LAND_SUPPLIED", "CONSTRUCTION_STARTED");
        for (int i = 0; i < dueDates.length; i++) {
            milestones.insert(project.getId(), agreement.getId(), names.get(i), i + 1, dueDates[i]);
        }
        if (dueDates.length > 1) {
            // the second milestone was overdue too, but is reached: no warning for it
            milestones.reach(agreement.getId(), names.get(1), EngineClock.today(), "供地批复", "carrier",
                    now.minus(6, ChronoUnit.DAYS));
        }
        return project;
    }

    private static LedgerEvent event(Project project, String type, String actor, Instant at) {
        return new LedgerEvent(null, project.getId(), null, null, type, null, null, actor, "测试：" + type, at);
    }

    private ApprovalRecord approval(Project project, Instant at) {
        ApprovalRecord record = new ApprovalRecord();
        record.setProjectId(project.getId());
        record.setProcessInstanceId("pi-" + token);
        record.setTaskId("task-" + token + "-" + project.getId());
        record.setTier("T2");
        record.setStep("Task_ReviewByDeputyHead");
        record.setStepName("分管副县长审核");
        record.setDecision("APPROVE");
        record.setOpinion("同意");
        record.setUserId("deputy");
        record.setDecidedAt(at);
        return record;
    }
}
