package cn.zhaoshang.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import cn.zhaoshang.agreement.AgreementReview;
import cn.zhaoshang.agreement.AgreementToFulfilmentIT;
import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.meeting.ResearchMeeting;
import cn.zhaoshang.support.AppClient;
import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.LeadReports;

/**
 * W1, the lifecycle: projects from the lead report through the written consultation, the research meeting (one
 * meeting decides a batch of leads, as the month-end meeting does), the landing approval, the legal review of the
 * agreement to its signing, every step taken by its official through the domain REST API (claim, then complete), with
 * {@code threads} officials working at once. The open task of a step is looked up as a fixture; finding it in a list is
 * W2's business.
 */
final class LifecycleLoad {

    private static final List<String> DEPARTMENTS = List.of("drc", "env", "emergency", "nr", "carrier");

    private final BenchApp app;
    private final AppClient client;
    private final TaskService tasks;
    private final ProjectMapper projects;
    private final Stats stats = new Stats();
    private final AtomicLong completions = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis() % 100_000, 36);

    LifecycleLoad(BenchApp app) {
        this.app = app;
        this.client = app.client();
        this.tasks = app.bean(TaskService.class);
        this.projects = app.bean(ProjectMapper.class);
    }

    Map<String, Object> run() throws Exception {
        return run(app.options.lifecycleProjects());
    }

    Map<String, Object> run(int total) throws Exception {
        int batch = app.options.meetingBatch();
        ExecutorService officials = Executors.newFixedThreadPool(app.options.threads());
        List<Long> projectIds = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> statusBefore = ServerStatus.read(app);
        CpuProfile profile = new CpuProfile();
        long start = System.nanoTime();
        try {
            for (int from = 0; from < total; from += batch) {
                int size = Math.min(batch, total - from);
                int first = from;
                List<Long> leads = Collections.synchronizedList(new ArrayList<>());
                parallel(officials, size, i -> leads.add(screen(first + i)));
                projectIds.addAll(meeting(leads));
            }
            parallel(officials, projectIds.size(), i -> approveAndSign(projectIds.get(i), i));
        } finally {
            officials.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("projects", projectIds.size());
        result.put("officials", app.options.threads());
        result.put("seconds", Stats.round(seconds));
        result.put("projectsPerSecond", Stats.round(projectIds.size() / seconds));
        result.put("taskCompletions", completions.get());
        result.put("taskCompletionsPerSecond", Stats.round(completions.get() / seconds));
        result.put("latency", stats.summary());
        try (profile) {
            result.put("cpuPerTaskCompletion", profile.figures(completions.get()));
        }
        Map<String, Long> statusAfter = ServerStatus.read(app);
        if (!statusAfter.isEmpty()) {
            result.put("serverStatementsPerTaskCompletion", ServerStatus.perUnit(statusBefore, statusAfter, completions.get()));
        }
        return result;
    }

    private static void parallel(ExecutorService pool, int count, IntConsumer work) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> work.accept(index)));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    /** Reported, checked complete, answered by every consulted department: waiting for the meeting. */
    private long screen(int i) {
        Map<String, Object> report = LeadReports.of("磐安基准" + run + "号" + i + "新材料有限公司", "基准项目" + i);
        report.put("landRequired", false);
        report.put("landAreaMu", null);
        JsonNode reported = ok(stats.time("lead.report", () -> client.post("/api/leads", "reporter", report)), 201);
        long leadId = reported.get("leadId").asLong();
        String process = reported.get("processInstanceId").asText();
        claimAndComplete("center", open(process, LeadScreening.Step.CHECK_COMPLETENESS),
                Map.of("decision", "COMPLETE", "opinion", "资料齐全"));
        for (String department : DEPARTMENTS) {
            claimAndComplete(department, openFor(process, LeadScreening.Step.ANSWER_CONSULTATION, department),
                    Map.of("answer", "AGREE", "opinion", "符合本部门准入要求。"));
        }
        return leadId;
    }

    /** The center convenes a meeting; its secretary records every lead on the agenda as VALID. */
    private List<Long> meeting(List<Long> leads) {
        JsonNode meeting = ok(stats.time("meeting.convene",
                () -> client.post("/api/meetings", "center", Map.of("reason", "集中研判（基准）"))), 201);
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode row : meeting.get("agenda")) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("leadId", row.get("leadId").asLong());
            item.put("decision", "VALID");
            item.put("reason", "符合产业导向");
            item.put("responsibleUnit", "park-chengdong");
            item.put("taskForceLeader", "分管副县长 李明");
            items.add(item);
        }
        Task record = open(meeting.get("processInstanceId").asText(), ResearchMeeting.Step.RECORD_MEETING);
        claimAndComplete("center", record, Map.of("heldOn", today(), "attendees", "分管副县长（主持）、投资促进中心、发改局",
                "itemDecisions", items));
        List<Long> created = new ArrayList<>();
        for (long leadId : leads) {
            created.add(projects.findByLeadId(leadId).get(0).getId());
        }
        return created;
    }

    /** The joint opinion starts the landing approval (T1); consent, approval, a draft, its legal review, the signing. */
    private void approveAndSign(long projectId, int i) {
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("projectId", projectId);
        application.put("companyName", "磐安基准" + run + "号" + i + "新材料有限公司");
        application.put("projectName", "基准项目" + i);
        application.put("projectCategory", "INDUSTRIAL");
        application.put("totalInvestmentWan", 12000);
        application.put("landRequired", false);
        application.put("landAreaMu", null);
        application.put("caseByCaseSupport", false);
        application.put("devZone", false);
        application.put("carrierUnit", "磐安工业园区");
        application.put("jointOpinion", "经考察洽谈，建议同意落地。");
        JsonNode submitted = ok(stats.time("landing.submit",
                () -> client.post("/api/landing-applications", "deputy", application)), 201);
        String approval = submitted.get("processInstanceId").asText();
        claimAndComplete("countyhead", open(approval, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD),
                Map.of("decision", "APPROVE", "opinion", "同意"));
        claimAndComplete("deputy", open(approval, LandingApproval.Step.APPROVE_BY_DEPUTY_HEAD),
                Map.of("decision", "APPROVE", "opinion", "同意"));
        String agreement = ok(client.get("/api/projects/" + projectId + "/agreement", "deputy"), 200)
                .get("processInstanceId").asText();
        byte[] draft = draft(i);
        ok(stats.time("agreement.uploadDraft", () -> client.postFile("/api/projects/" + projectId + "/agreement/drafts",
                "deputy", Map.of("signingParty", "GOVERNMENT", "note", "初稿"), "file", "投资协议.docx", draft)), 201);
        claimAndComplete("justice", open(agreement, AgreementReview.Step.REVIEW_BY_JUSTICE),
                Map.of("decision", "PASS", "opinion", "经审查，协议内容合法"));
        claimAndComplete("deputy", open(agreement, AgreementReview.Step.SIGN_AGREEMENT), Map.of("contractNumber",
                "磐招协〔2026〕基准" + run + "-" + projectId + "号", "signedOn", today(), "agreedInvestmentWan", 12000));
    }

    private void claimAndComplete(String user, Task task, Map<String, Object> body) {
        String step = task.getTaskDefinitionKey();
        if (task.getAssignee() == null) {
            ok(stats.time("task.claim", () -> client.post("/api/tasks/" + task.getId() + "/claim", user, null)), 204);
        }
        ok(stats.time("task.complete " + step,
                () -> client.post("/api/tasks/" + task.getId() + "/complete", user, body)), 204);
        completions.incrementAndGet();
    }

    private Task open(String processInstanceId, String step) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
                .active().listPage(0, 1);
        if (open.isEmpty()) {
            throw new IllegalStateException("no open " + step + " in " + processInstanceId);
        }
        return open.get(0);
    }

    private Task openFor(String processInstanceId, String step, String user) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
                .taskCandidateUser(user).active().listPage(0, 1);
        if (open.isEmpty()) {
            throw new IllegalStateException("no open " + step + " for " + user + " in " + processInstanceId);
        }
        return open.get(0);
    }

    static JsonNode ok(AppIT.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + response.status() + " " + response.body());
        }
        return response.body().isEmpty() ? null : response.json();
    }

    private static byte[] draft(int i) {
        try {
            return AgreementToFulfilmentIT.docx("基准 " + i);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }
}
