package cn.zhaoshang.security;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.agreement.AgreementReview;
import cn.zhaoshang.agreement.AgreementToFulfilmentIT;
import cn.zhaoshang.appeal.EnterpriseAppeal;
import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.support.WorkbenchSession;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitKind;
import cn.zhaoshang.unit.UnitMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data-level access (security/Visibility) end to end, one role class at a time: a unit reads its own leads and the
 * projects made from them and never another unit's — through the REST API (one item, the list, the funnel, the
 * documents), the workbench (台账, its export, the lead and project pages, the 驾驶舱) and Camunda's own REST API; a
 * department reads the leads it is consulted on; an official reads the projects and appeals of their tasks; the
 * county's leaders read everything. Each test has two towns of its own (甲镇, 乙镇), so the counts are exact on a
 * database other tests have filled.
 */
class DataScopeIT extends LifecycleIT {

    private static final Pattern UNIT_ROW = Pattern.compile("<tr data-unit=\"([^\"]+)\"");
    private static final String EVERY_YEAR = "from=2000-01-01&to=2100-12-31";

    @Autowired
    IdentityService identityService;
    @Autowired
    UnitMapper units;
    @Autowired
    Visibility visibility;

    /** this test's marker in every company name and unit code */
    private final String token = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    private final String unitA = "town-a-" + token;
    private final String unitB = "town-b-" + token;
    private final String unitC = "town-c-" + token;
    /** the towns' reporters, new in each test: a person keeps the tasks they had, so one reused would read more */
    private final String towna = "towna" + token;
    private final String townb = "townb" + token;
    private final String townc = "townc" + token;

    /** 甲镇, 乙镇 and 丙镇, each with its reporter (password demo, like the demo users). */
    @BeforeEach
    void twoTowns() {
        units.insert(new Unit(unitA, "甲镇" + token, UnitKind.TOWN.name(), true));
        units.insert(new Unit(unitB, "乙镇" + token, UnitKind.TOWN.name(), true));
        reporterOf(towna, "甲镇报送员", unitA);
        reporterOf(townb, "乙镇报送员", unitB);
        units.insert(new Unit(unitC, "丙镇" + token, UnitKind.TOWN.name(), true));
        reporterOf(townc, "丙镇报送员", unitC);
    }

    @Test
    void aUnitReadsItsOwnLeadsAndProjects_neverAnotherUnits_onTheApiAndTheWorkbench() throws Exception {
        long leadA = reportAs(towna, lead(company("甲"), "甲项目", unitA));
        long leadB = reportAs(townb, lead(company("乙"), "乙项目", unitB));
        long projectA = negotiatingProject(unitA, company("甲二"), "甲二项目");
        long projectB = approvedProject(unitB, company("乙二"), "乙二项目");
        uploadDraft(projectB);

        // the REST API: one item is 404 (as if it did not exist, same message), lists leave it out
        for (String[] own : List.of(new String[] {towna, "/api/leads/" + leadA, "/api/projects/" + projectA},
                new String[] {townb, "/api/leads/" + leadB, "/api/projects/" + projectB})) {
            assertThat(get(own[1], own[0]).status()).as("%s reads %s", own[0], own[1]).isEqualTo(200);
            assertThat(get(own[2], own[0]).status()).as("%s reads %s", own[0], own[2]).isEqualTo(200);
        }
        notFound(get("/api/leads/" + leadB, towna), "线索 " + leadB + " 不存在 / Lead " + leadB + " not found");
        notFound(get("/api/leads/" + leadA, townb), "线索 " + leadA + " 不存在 / Lead " + leadA + " not found");
        notFound(get("/api/projects/" + projectB, towna), "项目 " + projectB + " 不存在 / Project " + projectB + " not found");
        notFound(get("/api/projects/" + projectA, townb), "项目 " + projectA + " 不存在 / Project " + projectA + " not found");
        notFound(get("/api/projects/" + projectB + "/agreement", towna), "项目 " + projectB + " 不存在");
        notFound(get("/api/projects/" + projectB + "/agreement/drafts/1", towna), "项目 " + projectB + " 不存在");
        notFound(get("/api/projects/" + projectB + "/milestones", towna), "项目 " + projectB + " 不存在");
        assertThat(get("/api/projects/" + projectB + "/agreement/drafts/1", townb).status()).isEqualTo(200);
        assertThat(post("/api/leads/" + leadB + "/withdraw", towna, Map.of("reason", "不是我的")).status())
                .as("nor can it act on it").isEqualTo(404);

        long leadOfA = projects.findById(projectA).orElseThrow().getLeadId();
        long leadOfB = projects.findById(projectB).orElseThrow().getLeadId();
        assertThat(leadIds(get("/api/leads?limit=500", towna))).contains(leadA, leadOfA).doesNotContain(leadB, leadOfB);
        assertThat(leadIds(get("/api/leads?limit=500", townb))).contains(leadB, leadOfB).doesNotContain(leadA, leadOfA);
        assertThat(leadIds(get("/api/leads?unit=" + unitB, towna))).isEmpty();
        assertThat(get("/api/leads/" + leadOfB, townb).json().get("projectIds")).extracting(JsonNode::asLong)
                .containsExactly(projectB);

        JsonNode funnelA = get("/api/funnel", towna).json();
        assertThat(funnelA.get("units")).extracting(u -> u.get("unit").asText()).containsExactly(unitA);
        assertThat(funnelA.get("total").get("reported").asLong()).isEqualTo(2);
        assertThat(get("/api/funnel?unit=" + unitB, towna).json().get("units")).isEmpty();

        // the workbench: the 台账, its export, the pages of a lead and a project, the dashboard
        WorkbenchSession a = WorkbenchSession.login(port, towna);
        String ledger = a.get("/ledger?q=" + encode(token)).body();
        assertThat(ledger).contains(company("甲"), company("甲二")).doesNotContain(company("乙"), company("乙二"));
        assertThat(exportedCompanies(a)).containsExactlyInAnyOrder(company("甲"), company("甲二"));
        for (String hidden : List.of("/ledger/leads/" + leadB, "/ledger/leads/" + leadOfB, "/projects/" + projectB,
                "/projects/" + projectB + "/drafts/1")) {
            HttpResponse<String> page = a.get(hidden);
            assertThat(page.statusCode()).as(hidden).isEqualTo(404);
            assertThat(page.body()).as(hidden).contains("页面不存在（404）").doesNotContain(company("乙"));
        }
        assertThat(a.get("/ledger/leads/" + leadA).statusCode()).isEqualTo(200);
        assertThat(a.get("/projects/" + projectA).body()).contains(company("甲二"));
        String dashboard = a.get("/dashboard?" + EVERY_YEAR).body();
        assertThat(units(dashboard)).containsExactly(unitA);
        assertThat(reported(dashboard)).isEqualTo(2);
        // 办理超期环节: the county's overdue steps, of what the town reads (the completeness check of 甲's lead, past due)
        Task check = task(processOf(leadA), LeadScreening.Step.CHECK_COMPLETENESS);
        Date due = check.getDueDate();
        taskService.setDueDate(check.getId(), Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));
        try {
            assertThat(figure(a.get("/dashboard?" + EVERY_YEAR).body(), "kpi-overdue-steps")).isEqualTo(1);
            assertThat(figure(WorkbenchSession.login(port, townb).get("/dashboard?" + EVERY_YEAR).body(),
                    "kpi-overdue-steps")).isZero();
            assertThat(figure(WorkbenchSession.login(port, "center").get("/dashboard?" + EVERY_YEAR).body(),
                    "kpi-overdue-steps")).isPositive();
        } finally {
            taskService.setDueDate(check.getId(), due);
        }

        // the county's leaders read both towns
        for (String leader : List.of("deputy", "countyhead", "center")) {
            for (String path : List.of("/api/leads/" + leadA, "/api/leads/" + leadB, "/api/projects/" + projectA,
                    "/api/projects/" + projectB)) {
                assertThat(get(path, leader).status()).as("%s reads %s", leader, path).isEqualTo(200);
            }
            JsonNode funnel = get("/api/funnel", leader).json();
            assertThat(funnel.get("units")).extracting(u -> u.get("unit").asText()).contains(unitA, unitB);
        }
        WorkbenchSession head = WorkbenchSession.login(port, "countyhead");
        assertThat(head.get("/ledger?q=" + encode(token)).body())
                .contains(company("甲"), company("甲二"), company("乙"), company("乙二"));
        assertThat(head.get("/projects/" + projectB).statusCode()).isEqualTo(200);
        assertThat(units(head.get("/dashboard?" + EVERY_YEAR).body())).contains(unitA, unitB);
    }

    @Test
    void aDepartmentReadsTheLeadsItIsConsultedOn_andNoOthers() {
        long consulted = reportAs(towna, lead(company("征"), "征询项目", unitA));
        checkComplete(consulted);
        long unconsulted = reportAs(towna, lead(company("未"), "未征询项目", unitA));

        JsonNode read = get("/api/leads/" + consulted, "drc").json();
        assertThat(read.get("consultations").findValuesAsText("departmentGroup")).contains(Groups.DEPT_DRC);
        notFound(get("/api/leads/" + unconsulted, "drc"), "线索 " + unconsulted + " 不存在");
        assertThat(leadIds(get("/api/leads?limit=500", "drc"))).contains(consulted).doesNotContain(unconsulted);

        WorkbenchSession drc = WorkbenchSession.login(port, "drc");
        assertThat(drc.get("/ledger?q=" + encode(token)).body()).contains(company("征")).doesNotContain(company("未"));
        assertThat(drc.get("/ledger/leads/" + consulted).statusCode()).isEqualTo(200);
        assertThat(drc.get("/ledger/leads/" + unconsulted).statusCode()).isEqualTo(404);

        // answering closes the department's task; the lead stays readable (the opinion and the history are its own)
        answer(consulted, "drc", "AGREE", "符合产业政策。");
        assertThat(get("/api/leads/" + consulted, "drc").status()).isEqualTo(200);
        // the leaders read both
        assertThat(get("/api/leads/" + unconsulted, "deputy").status()).isEqualTo(200);
        assertThat(get("/api/leads/" + unconsulted, "supervisor").status()).isEqualTo(200);
    }

    @Test
    void anOfficialReadsTheProjectsAndAppealsOfTheirTasks() throws Exception {
        long reviewed = approvedProject(unitA, company("审"), "审查项目");
        long other = negotiatingProject(unitA, company("他"), "其他项目");
        uploadDraft(reviewed);

        // the justice bureau reviews the agreement of one project: that project and its draft, not the other
        assertThat(get("/api/projects/" + reviewed, "justice").status()).isEqualTo(200);
        assertThat(get("/api/projects/" + reviewed + "/agreement/drafts/1", "justice").status()).isEqualTo(200);
        notFound(get("/api/projects/" + other, "justice"), "项目 " + other + " 不存在");
        String review = get("/api/projects/" + reviewed + "/agreement", "justice").json().get("processInstanceId").asText();
        completeOk("justice", task(review, AgreementReview.Step.REVIEW_BY_JUSTICE),
                Map.of("decision", "PASS", "opinion", "经审查，协议内容合法"));
        assertThat(get("/api/projects/" + reviewed, "justice").status()).as("after the review too").isEqualTo(200);

        // an enterprise appeal about the other project, assigned to natural resources: nr reads it and its project
        Response registered = post("/api/appeals", "center", Map.of("projectId", other, "companyName", company("他"),
                "kind", "REQUEST", "subject", "用地指标", "content", "请协调落实项目用地指标"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long appeal = registered.json().get("id").asLong();
        completeOk("center", task(registered.json().get("processInstanceId").asText(), EnterpriseAppeal.Step.ACCEPT),
                Map.of("decision", "ACCEPT", "assignedGroup", Groups.DEPT_NR, "opinion", "交自然资源和规划局办理"));
        assertThat(get("/api/appeals/" + appeal, "nr").status()).isEqualTo(200);
        assertThat(get("/api/projects/" + other, "nr").status()).isEqualTo(200);
        assertThat(get("/api/appeals/" + appeal, towna).status()).as("the project's own unit").isEqualTo(200);
        notFound(get("/api/appeals/" + appeal, townb), "诉求 " + appeal + " 不存在 / Appeal " + appeal + " not found");
        notFound(get("/api/appeals/" + appeal, "env"), "诉求 " + appeal + " 不存在");
        Response foreign = post("/api/appeals", "carrier", Map.of("projectId", reviewed, "companyName", company("审"),
                "kind", "REQUEST", "subject", "x", "content", "y"));
        assertThat(foreign.status()).as("the carrier hosts it (responsible unit)").isEqualTo(201);
    }

    @Test
    void camundasRestApiShowsAReporterOnlyItsOwnTasks_neverAnotherUnitsLead() {
        long leadA = reportAs(towna, lead(company("甲"), "甲项目", unitA));
        long leadB = reportAs(townb, lead(company("乙"), "乙项目", unitB));
        String processA = processOf(leadA);
        String processB = processOf(leadB);

        for (String path : List.of("/engine-rest/process-instance?processInstanceIds=" + processB,
                "/engine-rest/process-instance?businessKey=" + leadB,
                "/engine-rest/variable-instance?processInstanceIdIn=" + processB,
                "/engine-rest/task?processInstanceId=" + processB,
                "/engine-rest/execution?processInstanceId=" + processB,
                "/engine-rest/job?processInstanceId=" + processB,
                "/engine-rest/history/process-instance?processInstanceId=" + processB,
                "/engine-rest/history/variable-instance?processInstanceId=" + processB,
                "/engine-rest/history/task?processInstanceId=" + processB,
                "/engine-rest/history/activity-instance?processInstanceId=" + processB,
                "/engine-rest/history/detail?processInstanceId=" + processB)) {
            // a page, as every list must ask for one (queryMaxResultsLimit, docs/security.md)
            Response response = get(path + "&maxResults=100", towna);
            assertThat(response.status()).as(path).isIn(200, 403);
            if (response.status() == 200) {
                assertThat(response.json()).as(path + ": " + response.body()).isEmpty();
            }
            assertThat(response.body()).as(path).doesNotContain(company("乙"));
        }
        for (String path : List.of("/engine-rest/process-instance/" + processB + "/variables",
                "/engine-rest/process-instance/" + processB)) {
            Response response = get(path, towna);
            assertThat(response.status()).as(path).isIn(403, 404);
            assertThat(response.body()).as(path).doesNotContain(company("乙"));
        }

        // its own lead comes back for a supplement: that task, with its variables, is the reporter's to read and do
        completeOk("center", task(processA, LeadScreening.Step.CHECK_COMPLETENESS),
                Map.of("decision", "INCOMPLETE", "opinion", "请补充用地选址意向"));
        Task supplement = task(processA, LeadScreening.Step.SUPPLEMENT_LEAD);
        assertThat(get("/engine-rest/task?processInstanceId=" + processA + "&maxResults=100", towna).json()).hasSize(1);
        Response variables = get("/engine-rest/task/" + supplement.getId() + "/variables", towna);
        assertThat(variables.status()).as(variables.body()).isEqualTo(200);
        assertThat(variables.body()).contains(company("甲"));
        Response foreign = get("/engine-rest/task/" + supplement.getId() + "/variables", townb);
        assertThat(foreign.status()).isIn(403, 404);
        assertThat(foreign.body()).doesNotContain(company("甲"));
        Map<String, Object> revised = lead(company("甲"), "甲项目（已补充选址）", unitA);
        completeOk(towna, supplement, Map.of("decision", "RESUBMIT", "opinion", "已补充选址", "lead", revised));
        assertThat(status(leadA)).isEqualTo("REPORTED");
    }

    @Test
    void aMeetingShowsAUnitItsOwnLeads_andItsMinutesOnlyToWhoReadsEveryLeadOnIt() {
        long leadA = screened(lead(company("甲"), "甲项目", unitA), towna);
        long leadB = screened(lead(company("乙"), "乙项目", unitB), townb);
        JsonNode meeting = convene();
        long meetingId = meeting.get("id").asLong();
        Map<Long, Map<String, Object>> decisions = new LinkedHashMap<>();
        decisions.put(leadA, Map.of("decision", "INVALID", "reason", "不符合产业导向"));
        decisions.put(leadB, Map.of("decision", "INVALID", "reason", "不符合产业导向"));
        record(meeting, decisions);

        JsonNode seen = get("/api/meetings/" + meetingId, towna).json();
        assertThat(seen.get("agenda")).extracting(row -> row.get("leadId").asLong()).containsExactly(leadA);
        assertThat(seen.get("minutesUrl")).as("the minutes name 乙镇's lead too").isNull();
        Response minutes = download("/api/meetings/" + meetingId + "/minutes", towna);
        assertThat(minutes.status()).isEqualTo(403);
        assertThat(minutes.json().get("message").asText()).contains("会议纪要涉及您无权查看的其他线索");
        assertThat(get("/api/meetings", towna).json()).extracting(m -> m.get("id").asLong()).contains(meetingId);
        assertThat(get("/api/meetings", townc).json()).extracting(m -> m.get("id").asLong()).doesNotContain(meetingId);
        assertThat(get("/api/meetings/" + meetingId, "center").json().get("agenda"))
                .extracting(row -> row.get("leadId").asLong()).contains(leadA, leadB);
        assertThat(download("/api/meetings/" + meetingId + "/minutes", "center").status()).isEqualTo(200);
        notFound(download("/api/meetings/" + meetingId + "/minutes", townc), "会议 " + meetingId + " 不存在");
        notFound(get("/api/meetings/" + meetingId, townc), "会议 " + meetingId + " 不存在");

        String number = get("/api/meetings/" + meetingId, "center").json().get("minutesNumber").asText();
        WorkbenchSession a = WorkbenchSession.login(port, towna);
        String page = a.get("/ledger/leads/" + leadA).body();
        assertThat(page).as("the minutes named, not linked").contains(number)
                .doesNotContain("/ledger/leads/" + leadA + "/minutes/" + meetingId);
        HttpResponse<String> refused = a.get("/ledger/leads/" + leadA + "/minutes/" + meetingId);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(company("乙"));
    }

    @Test
    void withoutALogin_theScopeIsWhoeverTheEngineActsAs_elseNothing() {
        long leadA = reportAs(towna, lead(company("甲"), "甲项目", unitA));
        assertThat(visibility.scope()).as("no caller at all").isEqualTo(DataScope.nothing());
        assertThat(visibility.canSeeLead(leadA)).isFalse();
        // e.g. the demo data, acting as an official through the engine's authentication
        identityService.setAuthentication(towna, List.of(Groups.REPORTER));
        try {
            assertThat(visibility.scope()).isEqualTo(new DataScope(false, towna, List.of(Groups.REPORTER), unitA,
                    "甲镇" + token));
            assertThat(visibility.canSeeLead(leadA)).isTrue();
        } finally {
            identityService.clearAuthentication();
        }
        identityService.setAuthentication(townb, List.of(Groups.REPORTER));
        try {
            assertThat(visibility.canSeeLead(leadA)).isFalse();
        } finally {
            identityService.clearAuthentication();
        }
        identityService.setAuthentication("deputy", List.of(Groups.DEPUTY_HEAD, Groups.TASK_FORCE));
        try {
            assertThat(visibility.scope().countyWide()).isTrue();
            assertThat(visibility.canSeeLead(leadA)).isTrue();
        } finally {
            identityService.clearAuthentication();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void reporterOf(String userId, String name, String unit) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName(name);
            user.setLastName("");
            user.setPassword("demo");
            identityService.saveUser(user);
            identityService.createMembership(userId, Groups.REPORTER);
        }
        if (units.findUnitOfUser(userId).isPresent()) {
            units.reassignUser(userId, unit);
        } else {
            units.assignUser(userId, unit);
        }
    }

    private String company(String prefix) {
        return prefix + token + "有限公司";
    }

    private static Map<String, Object> lead(String company, String project, String unit) {
        Map<String, Object> body = lead(company, project);
        body.put("reportingUnit", unit);
        return body;
    }

    private long reportAs(String user, Map<String, Object> lead) {
        Response response = post("/api/leads", user, lead);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("leadId").asLong();
    }

    /** Reported by {@code user}, complete, every department agreed: waiting for the research meeting. */
    private long screened(Map<String, Object> lead, String user) {
        long leadId = reportAs(user, lead);
        checkComplete(leadId);
        answerAll(leadId, DEPARTMENT_USERS);
        assertThat(status(leadId)).isEqualTo("AWAITING_MEETING");
        return leadId;
    }

    /** The negotiator's first draft (the approved project's agreement waits for it): the justice bureau reviews it. */
    private void uploadDraft(long projectId) throws Exception {
        Response uploaded = postFile("/api/projects/" + projectId + "/agreement/drafts", "deputy",
                Map.of("signingParty", "GOVERNMENT", "note", "初稿"), "file", "投资协议（初稿）.docx",
                AgreementToFulfilmentIT.docx("初稿 " + token));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    }

    /** A GET as a browser's download asks (any type): the minutes are DOCX, a refusal is JSON. */
    private Response download(String path, String user) {
        return send(request(path, user).setHeader("Accept", "*/*").GET().build());
    }

    private static void notFound(Response response, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(response.json().get("message").asText()).startsWith(message);
    }

    private static List<Long> leadIds(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        list.json().forEach(lead -> ids.add(lead.get("id").asLong()));
        return ids;
    }

    private List<String> exportedCompanies(WorkbenchSession session) throws Exception {
        HttpResponse<byte[]> export = session.download("/ledger/export.xlsx?q=" + encode(token));
        assertThat(export.statusCode()).isEqualTo(200);
        List<String> companies = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            Sheet sheet = workbook.getSheet("项目台账");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("企业名称");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                companies.add(sheet.getRow(r).getCell(2).getStringCellValue());
            }
        }
        return companies;
    }

    /** The units of the dashboard's rates table (one row per reporting unit of the funnel). */
    private static Set<String> units(String dashboard) {
        Set<String> units = new LinkedHashSet<>();
        Matcher row = UNIT_ROW.matcher(dashboard.substring(dashboard.indexOf("id=\"rates-table\""),
                dashboard.indexOf("id=\"warnings-table\"")));
        while (row.find()) {
            units.add(row.group(1));
        }
        return units;
    }

    private static long reported(String dashboard) {
        return figure(dashboard, "kpi-reported");
    }

    /** A key figure of the dashboard (线索报送, 办理超期环节 …) by its element id. */
    private static long figure(String dashboard, String id) {
        Matcher kpi = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(dashboard);
        assertThat(kpi.find()).as("the figure %s", id).isTrue();
        return Long.parseLong(kpi.group(1));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
