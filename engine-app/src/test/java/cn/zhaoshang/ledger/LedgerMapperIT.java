package cn.zhaoshang.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The mappers' SQL on the real database (H2 in MySQL mode, or MariaDB with -Pmysql); each test rolls back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Transactional
class LedgerMapperIT {

    @Autowired
    ProjectMapper projects;
    @Autowired
    ApprovalRecordMapper approvals;
    @Autowired
    LedgerEventMapper events;
    @Autowired
    ProjectLedger ledger;

    @Test
    void projectRoundTrip_keepsFourByteNamesAndDecimals() {
        Project project = project("𠮷野家（磐安）餐饮管理有限公司", "𡈼山康养综合体");
        projects.insert(project);
        assertThat(project.getId()).isNotNull();

        Project read = projects.findById(project.getId()).orElseThrow();
        assertThat(read.getCompanyName()).isEqualTo("𠮷野家（磐安）餐饮管理有限公司");
        assertThat(read.getProjectName()).isEqualTo("𡈼山康养综合体");
        assertThat(read.getLandAreaMu()).isEqualByComparingTo("20.0001");
        assertThat(read.getTotalInvestmentWan()).isEqualByComparingTo("12345.67");
        assertThat(read.getStatus()).isEqualTo(ProjectStatus.SUBMITTED);
        assertThat(read.isLandRequired()).isTrue();
        // the MySQL URL sends whole seconds (sendFractionalSeconds=false, which Camunda needs)
        assertThat(read.getCreatedAt()).isCloseTo(project.getCreatedAt(), within(1, ChronoUnit.SECONDS));
    }

    @Test
    void statusAndTierUpdates_andLookupByProcessInstance() {
        Project project = project("甲公司", "甲项目");
        project.setProcessInstanceId("pi-" + System.nanoTime());
        projects.insert(project);
        assertThat(projects.updateTierAndStatus(project.getId(), "T2", ProjectStatus.IN_APPROVAL, Instant.now())).isOne();
        assertThat(projects.findByProcessInstanceId(project.getProcessInstanceId()).orElseThrow().getTier()).isEqualTo("T2");
        assertThat(projects.findByProcessInstanceIds(List.of(project.getProcessInstanceId(), "none"))).hasSize(1);
        assertThat(projects.findByProcessInstanceIds(List.of())).isEmpty();
        assertThat(projects.lockById(project.getId())).isPresent();
    }

    @Test
    void approvalRecords_areOrdered_andATaskIsDecidedOnce() {
        Project project = project("乙公司", "乙项目");
        projects.insert(project);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        approvals.insert(record(project.getId(), "task-b-" + project.getId(), "Task_ApproveByCountyHead", t0.plusSeconds(60)));
        approvals.insert(record(project.getId(), "task-a-" + project.getId(), "Task_DeliberateByCountyHeadMeeting", t0));
        assertThat(approvals.findByProjectId(project.getId())).extracting(ApprovalRecord::getStep)
                .containsExactly("Task_DeliberateByCountyHeadMeeting", "Task_ApproveByCountyHead");
        assertThat(approvals.findByProjectId(project.getId()).get(0).getMeetingDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThatThrownBy(() -> approvals.insert(record(project.getId(), "task-a-" + project.getId(), "again", t0)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void ledger_recordsEveryStatusChangeWithFromAndTo() {
        Project project = ledger.register(project("丙公司", "丙项目"));
        ledger.recordTier(project.getId(), "T1", ProjectLedger.SYSTEM_ACTOR);
        ledger.changeStatus(project.getId(), ProjectStatus.APPROVED, ProjectLedger.SYSTEM_ACTOR, "落地审批通过");
        List<LedgerEvent> entries = events.findByProjectId(project.getId());
        assertThat(entries).extracting(LedgerEvent::eventType)
                .containsExactly("SUBMITTED", "TIER_DETERMINED", "STATUS_CHANGED");
        assertThat(entries.get(2).fromStatus()).isEqualTo("IN_APPROVAL");
        assertThat(entries.get(2).toStatus()).isEqualTo("APPROVED");
        assertThat(projects.findById(project.getId()).orElseThrow().getStatus()).isEqualTo(ProjectStatus.APPROVED);
    }

    private static Project project(String company, String name) {
        Project project = new Project();
        project.setCompanyName(company);
        project.setProjectName(name);
        project.setProjectCategory("SERVICE");
        project.setTotalInvestmentWan(new BigDecimal("12345.67"));
        project.setLandRequired(true);
        project.setLandAreaMu(new BigDecimal("20.0001"));
        project.setCarrierUnit("尖山镇");
        project.setApplicant("carrier");
        project.setStatus(ProjectStatus.SUBMITTED);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        project.setCreatedAt(now);
        project.setUpdatedAt(now);
        return project;
    }

    private static ApprovalRecord record(long projectId, String taskId, String step, Instant at) {
        ApprovalRecord record = new ApprovalRecord();
        record.setProjectId(projectId);
        record.setProcessInstanceId("pi");
        record.setTaskId(taskId);
        record.setTier("T2");
        record.setStep(step);
        record.setStepName("县长办公会议审议");
        record.setDecision("APPROVE");
        record.setOpinion("同意");
        record.setMeetingDate(LocalDate.of(2026, 11, 20));
        record.setUserId("meeting");
        record.setDecidedAt(at);
        return record;
    }
}
