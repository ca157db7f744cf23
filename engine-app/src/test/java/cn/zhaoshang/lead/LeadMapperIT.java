package cn.zhaoshang.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.ledger.FunnelMapper;
import cn.zhaoshang.ledger.FunnelRow;
import cn.zhaoshang.ledger.LedgerEvent;
import cn.zhaoshang.ledger.LedgerEventMapper;
import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.ledger.ProjectStatus;
import cn.zhaoshang.meeting.MeetingItem;
import cn.zhaoshang.meeting.MeetingMapper;
import cn.zhaoshang.meeting.NewMeeting;
import cn.zhaoshang.meeting.StoredMinutes;
import cn.zhaoshang.security.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lead, consultation, meeting and funnel SQL on the real database (H2 in MySQL mode, or MariaDB with -Pmysql);
 * each test rolls back. The demo units (group-chengdong, park-chengdong …) exist in the it profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Transactional
class LeadMapperIT {

    /** the queries themselves, as the county-wide roles read them (data scope: security/VisibilityIT) */
    private static final DataScope COUNTY = DataScope.countyWide("center");

    @Autowired
    LeadMapper leads;
    @Autowired
    LeadLedger ledger;
    @Autowired
    LeadRevisionMapper revisions;
    @Autowired
    ConsultationMapper consultations;
    @Autowired
    MeetingMapper meetings;
    @Autowired
    ProjectMapper projects;
    @Autowired
    ProjectLedger projectLedger;
    @Autowired
    LedgerEventMapper events;
    @Autowired
    FunnelMapper funnel;

    @Test
    void leadRoundTrip_keepsFourByteNames_decimals_andTheFirstVersion() {
        Lead lead = ledger.report(report("𠮷野家（磐安）餐饮管理有限公司", "𡈼山中央厨房项目", "office-shanghai"), "reporter", null);
        Lead read = leads.findById(lead.getId()).orElseThrow();
        assertThat(read.getCompanyName()).isEqualTo("𠮷野家（磐安）餐饮管理有限公司");
        assertThat(read.getCompanyKey()).isEqualTo("𠮷野家磐安餐饮管理");
        assertThat(read.getProjectName()).isEqualTo("𡈼山中央厨房项目");
        assertThat(read.getForeignCapitalUsdWan()).isEqualByComparingTo("500.5");
        assertThat(read.getLandAreaMu()).isEqualByComparingTo("12.3456");
        assertThat(read.getStatus()).isEqualTo(LeadStatus.REPORTED);
        assertThat(read.getVersion()).isEqualTo(1);
        assertThat(revisions.findByLeadId(lead.getId())).singleElement()
                .satisfies(r -> assertThat(r.content()).contains("𠮷野家").contains("\"landAreaMu\":12.3456"));
        assertThat(events.findByLeadId(lead.getId())).extracting(LedgerEvent::eventType).containsExactly("REPORTED");
    }

    @Test
    void supplement_keepsBothVersions_andTheReportingUnitCannotMove() {
        Lead lead = ledger.report(report("甲公司", "甲项目", "group-chengdong"), "reporter", null);
        ledger.supplement(lead.getId(), report("甲公司", "甲项目（补充用地说明）", "group-chengdong"), "reporter", "补充用地");
        assertThat(revisions.findByLeadId(lead.getId())).extracting(LeadRevision::version).containsExactly(1, 2);
        assertThat(leads.findById(lead.getId()).orElseThrow().getProjectName()).isEqualTo("甲项目（补充用地说明）");
        assertThatThrownBy(() -> ledger.supplement(lead.getId(), report("甲公司", "甲项目", "office-shanghai"), "reporter", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicateCandidates_areActiveLeadsOfTheSameNormalisedCompany() {
        Lead first = ledger.report(report("杭州云栖康养产业有限公司", "康养综合体", "group-chengdong"), "reporter", null);
        Lead second = ledger.report(report("杭州云栖康养产业 有限责任公司", "康养综合体项目", "office-shanghai"), "reporter", null);
        Lead other = ledger.report(report("杭州云栖康养产业有限公司", "冷链物流中心", "office-shanghai"), "reporter", null);
        assertThat(leads.findActiveByCompanyKey(second.getCompanyKey(), second.getId())).extracting(Lead::getId)
                .containsExactly(first.getId(), other.getId());
        ledger.merge(second.getId(), first.getId(), "center", "同一项目");
        Lead merged = leads.findById(second.getId()).orElseThrow();
        assertThat(merged.getStatus()).isEqualTo(LeadStatus.MERGED);
        assertThat(merged.getMergedIntoLeadId()).isEqualTo(first.getId());
        assertThat(leads.findActiveByCompanyKey(first.getCompanyKey(), first.getId())).extracting(Lead::getId)
                .containsExactly(other.getId());
        assertThat(events.findByLeadId(first.getId())).extracting(LedgerEvent::eventType).contains("DUPLICATE_MERGED");
    }

    @Test
    void consultation_anAnswerIsGivenOnce_andLateAnswersShow() {
        Lead lead = ledger.report(report("乙公司", "乙项目", "group-chengdong"), "reporter", null);
        Instant requested = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        consultations.insertRequest(lead.getId(), 1, "dept-drc", "发展和改革局", requested, requested.plusSeconds(60));
        assertThatThrownBy(() -> consultations.insertRequest(lead.getId(), 1, "dept-drc", "发展和改革局", requested,
                requested)).isInstanceOf(DuplicateKeyException.class);
        assertThat(consultations.answer(lead.getId(), 1, "dept-drc", "AGREE", "同意", "drc", requested.plusSeconds(3600)))
                .isOne();
        assertThat(consultations.answer(lead.getId(), 1, "dept-drc", "DISAGREE", "改主意", "drc", requested)).isZero();
        ConsultationOpinion opinion = consultations.find(lead.getId(), 1, "dept-drc").orElseThrow();
        assertThat(opinion.answer()).isEqualTo("AGREE");
        assertThat(opinion.late()).isTrue();
        assertThat(ConsultationSummary.latestRound(consultations.findByLeadId(lead.getId())))
                .isEqualTo("发展和改革局：同意（逾期答复）（同意）");
        assertThat(consultations.findActiveDepartments()).extracting(ConsultationDepartment::groupId)
                .containsExactly("dept-drc", "dept-env", "dept-emergency", "dept-nr", "carrier");
    }

    @Test
    void agenda_aLeadGoesOntoOneMeetingOnly_andAWithdrawnLeadDropsOff() {
        Lead lead = ledger.report(report("丙公司", "丙项目", "group-chengdong"), "reporter", null);
        leads.updateStatus(lead.getId(), LeadStatus.AWAITING_MEETING, Instant.now());
        long first = meeting();
        long second = meeting();
        assertThat(leads.findAwaitingMeeting()).contains(lead.getId());
        assertThat(leads.takeOntoAgenda(lead.getId(), first, Instant.now())).isOne();
        assertThat(leads.takeOntoAgenda(lead.getId(), second, Instant.now())).isZero();
        meetings.insertItem(first, lead.getId(), 1);
        // even bypassing the status check, the database keeps a lead on one open agenda
        assertThatThrownBy(() -> meetings.insertItem(second, lead.getId(), 1)).isInstanceOf(DuplicateKeyException.class);
        assertThat(meetings.dropPending(lead.getId())).isOne();
        MeetingItem item = meetings.findItem(first, lead.getId()).orElseThrow();
        assertThat(item.dropped()).isTrue();
        assertThat(item.pendingLeadId()).isNull();
        assertThat(meetings.decideItem(first, lead.getId(), "VALID", null, null, null)).isZero();
    }

    @Test
    void minutes_areStoredAsIssued_andNumbersAreUnique() {
        long meetingId = meeting();
        meetings.recordAttendance(meetingId, java.time.LocalDate.of(2026, 11, 20), "张三、李四", "center");
        byte[] document = {80, 75, 3, 4, 1, 2, 3};
        String number = "测试研判〔2026〕" + System.nanoTime() + "号";
        meetings.insertMinutes(new StoredMinutes(meetingId, number, "纪要.docx", document, Instant.now()));
        meetings.markHeld(meetingId, number, Instant.now());
        assertThat(meetings.findMinutes(meetingId).orElseThrow().content()).isEqualTo(document);
        assertThat(meetings.countHeldIn(2026)).isGreaterThanOrEqualTo(1);
        long other = meeting();
        assertThatThrownBy(() -> meetings.markHeld(other, number, Instant.now()))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void funnel_countsEachLeadOnce_perStage_perUnit_andPeriod() {
        String unit = "town-jianshan";
        Lead screening = ledger.report(report("丁公司", "丁项目", unit), "reporter", null);
        Lead invalid = ledger.report(report("戊公司", "戊项目", unit), "reporter", null);
        ledger.changeStatus(invalid.getId(), LeadStatus.INVALID, "meeting#1", "不符合产业政策");
        Lead valid = ledger.report(report("己公司", "己项目", unit), "reporter", null);
        ledger.changeStatus(valid.getId(), LeadStatus.VALID, "meeting#1", "有效");
        Project approved = project(valid, ProjectStatus.APPROVED);
        project(valid, ProjectStatus.NEGOTIATING); // split: the same lead, still one lead in each stage
        Lead duplicate = ledger.report(report("丁公司", "丁项目", unit), "reporter", null);
        ledger.merge(duplicate.getId(), screening.getId(), "center", "重复");

        FunnelRow row = funnel.countByUnit(COUNTY, unit, null, null).stream().filter(r -> r.unit().equals(unit)).findFirst()
                .orElseThrow();
        assertThat(row.unitName()).isEqualTo("尖山镇");
        assertThat(row.reported()).isEqualTo(3);
        assertThat(row.screening()).isEqualTo(1);
        assertThat(row.valid()).isEqualTo(1);
        assertThat(row.inNegotiation()).isEqualTo(1);
        assertThat(row.approved()).isEqualTo(1);
        assertThat(row.rejectedOrArchived()).isEqualTo(1);
        assertThat(row.conversionRate()).isEqualByComparingTo("0.3333");
        assertThat(approved.getLeadId()).isEqualTo(valid.getId());
        // a period before any of them has nothing
        assertThat(funnel.countByUnit(COUNTY, unit, null, Instant.parse("2000-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void attributionCorrection_movesTheLeadAndItsProjects_andIsRecorded() {
        Lead lead = ledger.report(report("庚公司", "庚项目", "group-chengdong"), "reporter", null);
        Project project = project(lead, ProjectStatus.NEGOTIATING);
        ledger.correctAttribution(lead.getId(), "office-shanghai", "admin", "报送单位录入错误");
        assertThat(leads.findById(lead.getId()).orElseThrow().getReportingUnit()).isEqualTo("office-shanghai");
        assertThat(projects.findById(project.getId()).orElseThrow().getReportingUnit()).isEqualTo("office-shanghai");
        assertThat(events.findByProjectId(project.getId())).extracting(LedgerEvent::eventType)
                .contains("ATTRIBUTION_CORRECTED");
    }

    private Project project(Lead lead, ProjectStatus status) {
        Project project = new Project();
        project.setCompanyName(lead.getCompanyName());
        project.setProjectName(lead.getProjectName());
        project.setProjectCategory("INDUSTRIAL");
        project.setTotalInvestmentWan(lead.getTotalInvestmentWan());
        project.setLandRequired(false);
        project.setCarrierUnit("城东工业园区");
        project.setApplicant("center");
        project.setLeadId(lead.getId());
        project.setReportingUnit(lead.getReportingUnit());
        project.setResponsibleUnit("park-chengdong");
        projectLedger.openFromLead(project, "center", "测试");
        if (status != ProjectStatus.NEGOTIATING) {
            projects.updateStatus(project.getId(), status, Instant.now());
        }
        return project;
    }

    private long meeting() {
        NewMeeting meeting = new NewMeeting();
        meeting.setKind("AD_HOC");
        meeting.setRequestedBy("center");
        meeting.setProcessInstanceId("pi-" + System.nanoTime());
        meeting.setOpenedAt(Instant.now());
        meetings.insert(meeting);
        return meeting.getId();
    }

    static LeadReport report(String company, String project, String unit) {
        return new LeadReport(company, project, "MANUFACTURING", "INDUSTRIAL", new BigDecimal("12000.50"),
                new BigDecimal("500.5"), "新加坡", true, new BigDecimal("12.3456"), unit, "张建国", "浙江某某集团",
                "陈经理", "13857900001");
    }

}
