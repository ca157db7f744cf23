package cn.zhaoshang.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhaoshang.ZhaoshangApplication;
import cn.zhaoshang.agreement.AgreementReview;
import cn.zhaoshang.agreement.AgreementToFulfilmentIT;
import cn.zhaoshang.appeal.EnterpriseAppeal;
import cn.zhaoshang.assessment.Assessment;
import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.fulfilment.Fulfilment;
import cn.zhaoshang.lead.LeadLedger;
import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.negotiation.NegotiationService;
import cn.zhaoshang.support.AppClient;
import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.AppIT.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timers a person can trust: work started on Wednesday 2026-09-30, the day before the National Day holiday
 * (2026-10-01…07 off, Saturday 10-10 a make-up workday, from the State Council notice in sql/V3), the application is
 * stopped and started again during the holiday, and then the engine's own job executor — not the test — fires every
 * reminder and escalation at its working-day boundary, once.
 *
 * <p>It starts the whole app twice on one persistent database (an H2 file, or with -Pmysql a database of its own on
 * the MariaDB server), so it runs in a JVM of its own (failsafe execution {@code restart}): the shared test context of
 * the other ITs must not see a second engine.
 */
class TimerRestartIT {

    private static final Duration AWAIT = Duration.ofSeconds(60);

    @TempDir
    Path h2Directory;

    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        ClockUtil.reset();
    }

    @Test
    void startedBeforeNationalDay_restartedDuringIt_eachTimerFiresOnceAtItsWorkingDayBoundary() throws Exception {
        String database = freshDatabase();
        at("2026-09-30T10:00");
        app = start(database);
        AppClient http = client();

        // A: a landing application (T1) waiting for the county head's consent — 5 working days, 督办 3 later
        long approvalProject = negotiatingProject("磐安县节前审批测试有限公司");
        Map<String, Object> application = new LinkedHashMap<>(Map.of("projectId", approvalProject, "jointOpinion", "建议同意落地",
                "companyName", "磐安县节前审批测试有限公司", "projectName", "节前审批项目", "projectCategory", "SERVICE",
                "totalInvestmentWan", 6000, "landRequired", false, "caseByCaseSupport", false, "devZone", false,
                "carrierUnit", "城东工业园区"));
        Response submitted = http.post("/api/landing-applications", "deputy", application);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String approval = submitted.json().get("processInstanceId").asText();

        // B: an agreement in the government's name at the justice bureau's legal review — 5 working days, 督办 at 10
        long reviewProject = approvedProject(http, "磐安县节前协议测试有限公司");
        String review = agreementProcess(http, reviewProject);
        assertThat(http.postFile("/api/projects/" + reviewProject + "/agreement/drafts", "deputy",
                Map.of("signingParty", "GOVERNMENT"), "file", "投资协议.pdf", AgreementToFulfilmentIT.pdf()).status())
                .isEqualTo(201);

        // C: an agreement signed today — first milestone (注册) due in a month, progress checked every 30 days
        long signedProject = approvedProject(http, "磐安县节前签约测试有限公司");
        String signing = agreementProcess(http, signedProject);
        assertThat(http.postFile("/api/projects/" + signedProject + "/agreement/drafts", "deputy",
                Map.of("signingParty", "GOVERNMENT"), "file", "投资协议.pdf", AgreementToFulfilmentIT.pdf()).status())
                .isEqualTo(201);
        complete(http, "justice", openTask(signing, AgreementReview.Step.REVIEW_BY_JUSTICE), Map.of("decision", "PASS"));
        complete(http, "deputy", openTask(signing, AgreementReview.Step.SIGN_AGREEMENT), Map.of("contractNumber",
                "磐招协〔2026〕930号", "signedOn", "2026-09-30", "agreedInvestmentWan", 12000));
        String fulfilment = bean(RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey(Fulfilment.PROCESS_KEY).processInstanceBusinessKey(String.valueOf(signedProject))
                .singleResult().getId();

        // D: an enterprise's complaint accepted and assigned to the DRC — answer within 7 working days (chenzhou §15)
        Response appealCreated = http.post("/api/appeals", "center", Map.of("companyName", "磐安县节前签约测试有限公司",
                "kind", "COMPLAINT", "subject", "施工用电接入迟缓", "content", "临时用电申请已逾两周未接入"));
        assertThat(appealCreated.status()).as(appealCreated.body()).isEqualTo(201);
        String appeal = appealCreated.json().get("processInstanceId").asText();
        complete(http, "center", openTask(appeal, EnterpriseAppeal.Step.ACCEPT), Map.of("decision", "ACCEPT",
                "assignedGroup", "dept-drc", "opinion", "交发改局协调"));

        // E: a lead in written consultation — each department answers within 5 working days or is reminded
        Response lead = http.post("/api/leads", "reporter", leadReport());
        assertThat(lead.status()).as(lead.body()).isEqualTo(201);
        long leadId = lead.json().get("leadId").asLong();
        String screening = lead.json().get("processInstanceId").asText();
        complete(http, "center", openTask(screening, LeadScreening.Step.CHECK_COMPLETENESS),
                Map.of("decision", "COMPLETE", "opinion", "资料齐全"));

        Map<String, Date> before = timers();
        assertThat(before).containsEntry(approval + " Timer_ConsentByCountyHeadReminder", beijing("2026-10-13T10:00"))
                .containsEntry(approval + " Timer_ConsentByCountyHeadEscalation", beijing("2026-10-16T10:00"))
                .containsEntry(review + " Timer_ReviewByJusticeBureauOverdue", beijing("2026-10-13T10:00"))
                .containsEntry(review + " Timer_ReviewByJusticeBureauEscalation", beijing("2026-10-20T10:00"))
                .containsEntry(appeal + " Timer_AppealOverdue", beijing("2026-10-15T23:59:59"))
                .containsEntry(fulfilment + " Timer_MilestoneOverdue", beijing("2026-10-30T23:59:59"))
                .containsEntry(fulfilment + " StartEvent_ProgressCheckDue", beijing("2026-10-30T10:00"))
                .containsEntry(fulfilment + " Timer_AssessmentDue", beijing("2031-09-30T23:59:59"));
        assertThat(before.keySet().stream().filter(k -> k.startsWith(screening))).hasSize(5);
        before.entrySet().stream().filter(e -> e.getKey().startsWith(screening))
                .forEach(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo(beijing("2026-10-13T10:00")));
        List<String> jobIdsBefore = jobIds();

        // the office closes for the holiday; the app is restarted on Monday 10-05
        app.close();
        app = null;
        at("2026-10-05T09:00");
        app = start(database);
        AppClient restarted = client();
        assertThat(timers()).as("every timer is still there, due when it was").isEqualTo(before);
        assertThat(jobIds()).containsExactlyInAnyOrderElementsOf(jobIdsBefore);
        // the monthly notice fell due on 10-01 while the app was down: it runs once now and waits for the month's
        // first working day, 10-08 — the National Day break is over on 10-07 (docs/assessment.md)
        await(() -> noticeWaitsUntil() != null, "the monthly notice waiting for the first working day");
        assertThat(noticeWaitsUntil()).isEqualTo(beijing("2026-10-08T09:00"));

        // Monday 10-12 evening is only the 4th working day: nothing is due yet; the September notice was issued on 10-08
        at("2026-10-12T23:59");
        idle();
        await(() -> restarted.get("/api/assessment/notices", "reporter").json().findValuesAsText("period")
                .contains("2026-09"), "the September notice");
        assertThat(noticeWaitsUntil()).isNull();
        assertThat(timers()).isEqualTo(before);
        assertThat(events(restarted, reviewProject, "REMINDER_SENT")).isZero();

        // Tuesday 10-13, 5th working day: the approval step and the legal review are reminded, the departments too
        at("2026-10-13T10:01");
        await(() -> events(restarted, approvalProject, "REMINDER_SENT") == 1 && events(restarted, reviewProject, "REMINDER_SENT") == 1
                && remindedDepartments(restarted, leadId) == 5, "reminders of 10-13");
        assertThat(events(restarted, approvalProject, "ESCALATED")).isZero();
        assertThat(openTasks(appeal, EnterpriseAppeal.Step.SUPERVISE)).isZero();

        // Thursday 10-15 is the complaint's 7th working day, and the whole day is the department's
        at("2026-10-15T23:59");
        idle();
        assertThat(openTasks(appeal, EnterpriseAppeal.Step.SUPERVISE)).isZero();

        // Friday 10-16: the complaint is overdue → 督办; the approval step's 8th working day → escalated too
        at("2026-10-16T10:01");
        await(() -> openTasks(appeal, EnterpriseAppeal.Step.SUPERVISE) == 1
                && events(restarted, approvalProject, "ESCALATED") == 1, "escalations of 10-16");
        assertThat(openTasks(appeal, EnterpriseAppeal.Step.HANDLE)).as("the department still answers").isEqualTo(1);
        assertThat(openTasks(review, AgreementReview.Step.SUPERVISE_OVERDUE_REVIEW)).as("the legal review not yet").isZero();

        // Tuesday 10-20, 10th working day: the legal review is escalated to the supervision office
        at("2026-10-20T10:01");
        await(() -> openTasks(review, AgreementReview.Step.SUPERVISE_OVERDUE_REVIEW) == 1, "review escalation of 10-20");
        assertThat(events(restarted, reviewProject, "ESCALATED")).isEqualTo(1);

        // Saturday 10-31: the first milestone is overdue and the 30-day progress check has run
        at("2026-10-31T10:00");
        await(() -> events(restarted, signedProject, "MILESTONE_OVERDUE") == 1 && progressCheckDue(fulfilment)
                .after(beijing("2026-10-31T10:00")), "milestone and progress check of 10-30");

        // nothing fires twice: after more acquisition rounds every count is still one, no job failed
        idle();
        assertThat(events(restarted, approvalProject, "REMINDER_SENT")).isEqualTo(1);
        assertThat(events(restarted, approvalProject, "ESCALATED")).isEqualTo(1);
        assertThat(events(restarted, reviewProject, "REMINDER_SENT")).isEqualTo(1);
        assertThat(events(restarted, reviewProject, "ESCALATED")).isEqualTo(1);
        assertThat(events(restarted, signedProject, "MILESTONE_OVERDUE")).isEqualTo(1);
        assertThat(events(restarted, signedProject, "PROGRESS_STALE")).as("31 days without an update").isEqualTo(1);
        assertThat(openTasks(appeal, EnterpriseAppeal.Step.SUPERVISE)).isEqualTo(1);
        assertThat(openTasks(review, AgreementReview.Step.SUPERVISE_OVERDUE_REVIEW)).isEqualTo(1);
        assertThat(remindedDepartments(restarted, leadId)).isEqualTo(5);
        assertThat(bean(ManagementService.class).createJobQuery().withException().count()).as("failed jobs").isZero();
        assertThat(bean(RuntimeService.class).createIncidentQuery().count()).as("incidents").isZero();
        // the steps themselves stay open for the people to finish
        assertThat(openTasks(approval, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD)).isEqualTo(1);
        assertThat(openTasks(review, AgreementReview.Step.REVIEW_BY_JUSTICE)).isEqualTo(1);
        assertThat(openTasks(fulfilment, Fulfilment.Step.RECORD_MILESTONE)).isEqualTo(1);
        assertThat(timers()).as("the assessment five years on is still waiting")
                .containsEntry(fulfilment + " Timer_AssessmentDue", beijing("2031-09-30T23:59:59"));
    }

    // ------------------------------------------------------------------ the app, started and stopped by the test

    private ConfigurableApplicationContext start(String database) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                // short acquisition rounds so a moved clock is noticed within a second
                "--camunda.bpm.job-execution.wait-time-in-millis=100", "--camunda.bpm.job-execution.max-wait=500"));
        if (mysql()) {
            args.add("--DB_NAME=" + database);
        } else {
            args.add("--spring.datasource.url=jdbc:h2:file:" + database + ";MODE=MySQL;DB_CLOSE_ON_EXIT=FALSE");
        }
        return new SpringApplicationBuilder(ZhaoshangApplication.class).run(args.toArray(String[]::new));
    }

    /** An H2 file in a temporary folder, or a new database beside the suite's own on the MariaDB server. */
    private String freshDatabase() throws Exception {
        if (!mysql()) {
            return h2Directory.resolve("zhaoshang").toString();
        }
        String name = env("DB_NAME", "zhaoshang") + "_restart";
        String url = "jdbc:mysql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "3306")
                + "/?useSSL=false&allowPublicKeyRetrieval=true";
        try (Connection connection = DriverManager.getConnection(url, env("DB_USER", "root"), env("DB_PASSWORD", ""));
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return name;
    }

    private static boolean mysql() {
        return "mysql".equals(System.getProperty("test.db"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private AppClient client() {
        return new AppClient(((ServletWebServerApplicationContext) app).getWebServer().getPort());
    }

    private <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    // ------------------------------------------------------------------ the story's steps

    private long negotiatingProject(String company) {
        return AppIT.negotiatingProject(bean(TransactionTemplate.class), bean(LeadLedger.class),
                bean(NegotiationService.class), "group-chengdong", company, "节前测试项目");
    }

    /** A T1 project approved today, its agreement review waiting for the draft. */
    private long approvedProject(AppClient http, String company) {
        Map<String, Object> application = new LinkedHashMap<>(Map.of("projectId", negotiatingProject(company),
                "jointOpinion", "建议同意落地", "companyName", company, "projectName", "节前测试项目",
                "projectCategory", "SERVICE", "totalInvestmentWan", 12000, "landRequired", false,
                "caseByCaseSupport", false, "devZone", false, "carrierUnit", "城东工业园区"));
        Response submitted = http.post("/api/landing-applications", "deputy", application);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String approval = submitted.json().get("processInstanceId").asText();
        complete(http, "countyhead", openTask(approval, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD), Map.of("decision", "APPROVE"));
        complete(http, "deputy", openTask(approval, LandingApproval.Step.APPROVE_BY_DEPUTY_HEAD), Map.of("decision", "APPROVE"));
        return submitted.json().get("projectId").asLong();
    }

    private static String agreementProcess(AppClient http, long projectId) {
        return http.get("/api/projects/" + projectId + "/agreement", "deputy").json().get("processInstanceId").asText();
    }

    private static Map<String, Object> leadReport() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyName", "磐安县节前线索测试有限公司");
        body.put("projectName", "节前线索项目");
        body.put("industry", "CULTURE_TOURISM");
        body.put("projectCategory", "SERVICE");
        body.put("totalInvestmentWan", 8000);
        body.put("landRequired", true);
        body.put("landAreaMu", 15);
        body.put("reportingUnit", "group-chengdong");
        body.put("contactName", "陈经理");
        body.put("contactPhone", "13857900001");
        return body;
    }

    private static void complete(AppClient http, String user, Task task, Map<String, Object> body) {
        Response response = http.post("/api/tasks/" + task.getId() + "/complete", user, body);
        assertThat(response.status()).as("%s completes %s: %s", user, task.getTaskDefinitionKey(), response.body())
                .isEqualTo(204);
    }

    private Task openTask(String processInstanceId, String step) {
        return bean(TaskService.class).createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
                .active().singleResult();
    }

    private long openTasks(String processInstanceId, String step) {
        return bean(TaskService.class).createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
                .count();
    }

    // ------------------------------------------------------------------ what the timers did

    /** "processInstanceId activityId" → due date, for every timer job of the processes under test. */
    /** The assessment calendar's own timers (cron start events, the notice's wait) fire by the date, not by work. */
    private static final List<String> CALENDAR = List.of(Assessment.MONTHLY_NOTICE, Assessment.MID_YEAR_INTERVIEW,
            Assessment.OFFICE_OUT_ORDER, Assessment.QUARTERLY_DISPATCH, Assessment.ANNUAL_ASSESSMENT);

    /** When the monthly notice waiting for the first working day fires, or null when none waits. */
    private Date noticeWaitsUntil() {
        return bean(ManagementService.class).createJobQuery().processDefinitionKey(Assessment.MONTHLY_NOTICE).timers()
                .list().stream().filter(job -> job.getProcessInstanceId() != null).map(Job::getDuedate).findFirst()
                .orElse(null);
    }

    /** Timers of the work started in this test (the assessment calendar's are checked on their own). */
    private Map<String, Date> timers() {
        Map<String, Date> timers = new TreeMap<>();
        for (Job job : bean(ManagementService.class).createJobQuery().timers().list()) {
            if (job.getProcessInstanceId() != null && !CALENDAR.contains(job.getProcessDefinitionKey())) {
                String activity = bean(ManagementService.class).createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
                timers.put(job.getProcessInstanceId() + " " + activity + " " + job.getId(), job.getDuedate());
            }
        }
        // keyed without the job id where the pair is unique (the five consultation timers keep theirs)
        Map<String, Date> byActivity = new TreeMap<>();
        timers.forEach((key, due) -> {
            String withoutJob = key.substring(0, key.lastIndexOf(' '));
            boolean unique = timers.keySet().stream().filter(k -> k.startsWith(withoutJob + " ")).count() == 1;
            byActivity.put(unique ? withoutJob : key, due);
        });
        return byActivity;
    }

    private List<String> jobIds() {
        return bean(ManagementService.class).createJobQuery().timers().list().stream()
                .filter(job -> !CALENDAR.contains(job.getProcessDefinitionKey())).map(Job::getId).toList();
    }

    private Date progressCheckDue(String fulfilment) {
        return bean(ManagementService.class).createJobQuery().processInstanceId(fulfilment).timers().list().stream()
                .filter(job -> "StartEvent_ProgressCheckDue".equals(bean(ManagementService.class).createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()))
                .map(Job::getDuedate).findFirst().orElseThrow();
    }

    private static long events(AppClient http, long projectId, String eventType) {
        JsonNode ledger = http.get("/api/projects/" + projectId, "center").json().get("ledger");
        return ledger.findValuesAsText("eventType").stream().filter(eventType::equals).count();
    }

    private static long remindedDepartments(AppClient http, long leadId) {
        JsonNode consultations = http.get("/api/leads/" + leadId, "center").json().get("consultations");
        long reminded = 0;
        for (JsonNode consultation : consultations) {
            if (consultation.hasNonNull("remindedAt")) {
                reminded++;
            }
        }
        return reminded;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the job executor did not fire " + what + " within " + AWAIT);
            }
            Thread.sleep(100);
        }
    }

    /** Several acquisition rounds of the job executor (rounds are at most 0.5 s apart in this test). */
    private static void idle() throws InterruptedException {
        Thread.sleep(3000);
    }

    private static void at(String beijingTime) {
        ClockUtil.setCurrentTime(beijing(beijingTime));
    }

    private static Date beijing(String localDateTime) {
        ZonedDateTime time = LocalDateTime.parse(localDateTime).atZone(EngineClock.BEIJING);
        return Date.from(time.toInstant());
    }
}
