package cn.zhaoshang.system;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.support.BadValues;
import cn.zhaoshang.support.BadValues.Kind;
import cn.zhaoshang.support.Gen;
import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.support.WorkbenchSession;

import static cn.zhaoshang.support.BadValues.quote;
import static cn.zhaoshang.support.BadValues.withField;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at every endpoint (issue 6): generated malformed JSON, wrong types, missing and unknown fields, absurd
 * numbers, impossible dates, huge bodies, SQL and expression metacharacters, path traversal, XXE and billion laughs,
 * sent to the domain API (/api/**), the workbench's forms and Camunda's deployment endpoint. Properties:
 * <ul>
 * <li>never a 5xx, never a stack trace or an exception's class name in the body;</li>
 * <li>a refusal is a 4xx, and on /api a JSON {@code ApiError} whose message is Chinese and English;</li>
 * <li>a refused request stores nothing: the row counts of the domain tables and of Camunda's runtime tables are the
 * same before and after;</li>
 * <li>odd but valid text (4-byte CJK, emoji, {@code ' ; -- /* %}, {@code ${…} #{…} T(java.lang.Runtime)}) is stored
 * and read back exactly, never evaluated.</li>
 * </ul>
 * The inputs are random from one seed per run, printed with every failure. Longer or repeated runs:
 * {@code mvn -pl engine-app verify -Dit.test=BadInputIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfuzz.tries=200} (tries per endpoint and property, default 20) and {@code -Dfuzz.seed=N} to repeat a run. The
 * figures of a run are printed at the end and written to {@code target/bad-input-figures.md}.
 */
class BadInputIT extends LifecycleIT {

    private static final int TRIES = Gen.tries(20);
    private static final long SEED = Gen.seed();
    private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]{3,}");
    /**
     * What gives a stack trace or an internal class away: a frame, a "Caused by", a qualified class name or an
     * exception's simple name. (Our own odd texts, e.g. {@code T(java.lang.Runtime)}, are none of these.)
     */
    private static final List<Pattern> LEAKS = List.of(Pattern.compile("\\sat [a-zA-Z_$][\\w$]*(\\.[\\w$]+)+\\("),
            Pattern.compile("Caused by:"), Pattern.compile("\\.java:\\d+"),
            Pattern.compile("\\b(java|javax|jakarta|org|com|cn|sun)\\.[a-z]\\w*(\\.\\w+)*\\.[A-Z]\\w*(Exception|Error)\\b"),
            Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b"), Pattern.compile("root:x:0:0"));
    /** Tables a refused request must leave alone: the domain tables and Camunda's runtime and repository. */
    private static final List<String> TABLES = List.of("lead", "lead_revision", "project", "approval_record",
            "ledger_event", "enterprise_appeal", "agreement", "agreement_draft", "agreement_review", "milestone",
            "progress_update", "meeting", "meeting_item", "negotiation_entry", "consultation_opinion", "incentive_claim",
            "consultation_department", "unit", "user_unit", "calendar_year", "calendar_day", "task_copy",
            "target_metric", "target_plan", "target_plan_item", "unit_target", "target_change", "funds_in_place",
            "outside_office", "office_visit", "assessment_document", "assessment_action", "unit_criticism",
            "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT",
            "ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF", "ACT_RE_DECISION_DEF");

    /** Figures per endpoint class, for docs/reliability.md. */
    private static final Map<String, int[]> FIGURES = new TreeMap<>();
    private static final int SENT = 0;
    private static final int REFUSED_4XX = 1;
    private static final int SERVER_5XX = 2;
    private static final int HALF_RECORDS = 3;
    private static final int ACCEPTED = 4;
    private static final int CLOSED = 5;

    private static Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    private final List<String> problems = new ArrayList<>();

    /**
     * What the suite throws at: open tasks of several kinds, a project in negotiation, one waiting for its agreement,
     * a signed one (funds in place), an outside office, a metric an administrator may switch off.
     */
    private record Fixtures(long leadAtCheck, String checkTask, String consultationTask, String approvalTask,
            long negotiatingProject, long approvedProject, long leadToWithdraw, long signedProject, String office,
            String metric) {
    }

    @BeforeEach
    void fixtures() {
        ensureSecondCountyHead();
        if (fixtures != null) {
            return;
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        long atCheck = report(lead("模糊测试完整性企业" + run, "模糊测试项目"));
        String check = task(processOf(atCheck), LeadScreening.Step.CHECK_COMPLETENESS).getId();
        long consulted = report(lead("模糊测试征询企业" + run, "模糊测试项目"));
        checkComplete(consulted);
        String consultation = null;
        for (JsonNode t : get("/api/tasks?scope=group", "drc").json()) {
            if (t.get("processInstanceId").asText().equals(processOf(consulted))) {
                consultation = t.get("id").asText();
            }
        }
        JsonNode submitted = submit(application("INDUSTRIAL", null));
        Task consent = task(submitted.get("processInstanceId").asText(), LandingApproval.Step.CONSENT_BY_COUNTY_HEAD);
        long negotiating = negotiatingProject("模糊测试洽谈企业" + run, "模糊测试项目");
        long approved = approvedProject("模糊测试协议企业" + run, "模糊测试项目");
        long toWithdraw = report(lead("模糊测试撤回企业" + run, "模糊测试项目"));
        long signed = sign(approvedProject("模糊测试到位企业" + run, "模糊测试项目"), 9000);
        String office = "fuzz-office-" + run;
        assertThat(put("/api/units/" + office, "admin", map("name", "模糊测试驻外分局" + run, "kind", "OUTSIDE_OFFICE"))
                .status()).isEqualTo(200);
        String metric = "FUZZ_" + run.toUpperCase(java.util.Locale.ROOT);
        assertThat(post("/api/targets/metrics", "admin", map("code", metric, "name", "模糊测试指标" + run, "kind",
                "COUNT_SIGNED")).status()).isEqualTo(201);
        fixtures = new Fixtures(atCheck, check, consultation, consent.getId(), negotiating, approved, toWithdraw, signed,
                office, metric);
    }

    @AfterAll
    static void figures() throws java.io.IOException {
        StringBuilder table = new StringBuilder("| endpoint class | requests | 4xx | 5xx | half-records | accepted (valid odd input) | connection closed while sending |\n|---|---|---|---|---|---|---|\n");
        int[] total = new int[6];
        FIGURES.forEach((name, f) -> {
            table.append("| ").append(name);
            for (int i = 0; i < 6; i++) {
                table.append(" | ").append(f[i]);
                total[i] += f[i];
            }
            table.append(" |\n");
        });
        table.append("| **all**");
        for (int value : total) {
            table.append(" | ").append(value);
        }
        table.append(" |\n");
        System.out.println("\nBad-input figures (seed " + SEED + ", " + TRIES + " tries):\n" + table);
        java.nio.file.Path file = java.nio.file.Path.of("target", "bad-input-figures.md");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "seed " + SEED + ", tries " + TRIES + "\n\n" + table);
    }

    // ------------------------------------------------------------------------------------------------------------
    // the domain API

    /** One JSON endpoint of the domain API: a body it would accept, what each field holds, which fields it needs. */
    private record JsonEndpoint(String name, String method, Supplier<String> path, String user, Map<String, Object> body,
            Map<String, Kind> fields, Set<String> required) {
    }

    private List<JsonEndpoint> jsonEndpoints() {
        Fixtures f = fixtures;
        List<JsonEndpoint> all = new ArrayList<>();
        Map<String, Object> lead = lead("模糊测试企业", "模糊测试项目");
        all.add(new JsonEndpoint("POST /api/leads", "POST", () -> "/api/leads", "reporter", lead,
                fields("companyName", Kind.TEXT, "projectName", Kind.TEXT, "industry", Kind.CODE, "projectCategory",
                        Kind.CODE, "totalInvestmentWan", Kind.NUMBER, "foreignCapitalUsdWan", Kind.NUMBER,
                        "sourceCountry", Kind.TEXT, "landRequired", Kind.BOOLEAN, "landAreaMu", Kind.NUMBER,
                        "reportingUnit", Kind.CODE, "referrer", Kind.TEXT, "referrerEnterprise", Kind.TEXT,
                        "contactName", Kind.TEXT, "contactPhone", Kind.CODE),
                Set.of("companyName", "projectName", "industry", "projectCategory", "totalInvestmentWan", "landRequired",
                        "landAreaMu", "reportingUnit", "contactName", "contactPhone")));
        Map<String, Object> application = new LinkedHashMap<>(application("INDUSTRIAL", null));
        application.put("projectId", f.negotiatingProject());
        application.put("jointOpinion", "经考察洽谈，建议同意落地。");
        all.add(new JsonEndpoint("POST /api/landing-applications", "POST", () -> "/api/landing-applications", "carrier",
                application,
                fields("companyName", Kind.TEXT, "projectName", Kind.TEXT, "projectCategory", Kind.CODE,
                        "totalInvestmentWan", Kind.NUMBER, "landRequired", Kind.BOOLEAN, "landAreaMu", Kind.NUMBER,
                        "caseByCaseSupport", Kind.BOOLEAN, "devZone", Kind.BOOLEAN, "carrierUnit", Kind.TEXT,
                        "projectId", Kind.ID, "jointOpinion", Kind.TEXT),
                Set.of("companyName", "projectName", "projectCategory", "totalInvestmentWan", "landRequired",
                        "projectId", "jointOpinion")));
        all.add(new JsonEndpoint("POST /api/appeals", "POST", () -> "/api/appeals", "center",
                map("companyName", "模糊测试企业", "kind", "REQUEST", "subject", "用电报装", "content", "请协调供电公司。"),
                fields("companyName", Kind.TEXT, "kind", Kind.CODE, "subject", Kind.TEXT, "content", Kind.TEXT,
                        "projectId", Kind.ID),
                Set.of("companyName", "kind", "subject", "content")));
        all.add(new JsonEndpoint("POST /api/incentive-claims", "POST", () -> "/api/incentive-claims", "center",
                map("awardType", "CHAMBER", "claimantName", "模糊测试商会", "awardYear", 2024, "claimNote", "年度考核"),
                fields("awardType", Kind.CODE, "claimantName", Kind.TEXT, "awardYear", Kind.NUMBER, "projectId", Kind.ID,
                        "claimedPaidInUsdWan", Kind.NUMBER, "exchangeRate", Kind.NUMBER, "claimNote", Kind.TEXT),
                Set.of("awardType", "claimantName", "awardYear")));
        all.add(new JsonEndpoint("POST /api/tasks/{id}/complete", "POST",
                () -> "/api/tasks/" + f.checkTask() + "/complete", "center",
                map("decision", "COMPLETE", "opinion", "资料齐全"),
                fields("decision", Kind.CODE, "opinion", Kind.TEXT), Set.of("decision")));
        all.add(new JsonEndpoint("POST /api/tasks/{id}/complete", "POST",
                () -> "/api/tasks/" + f.consultationTask() + "/complete", "drc",
                map("answer", "AGREE", "opinion", "符合本部门准入要求。"),
                fields("answer", Kind.CODE, "opinion", Kind.TEXT), Set.of("answer", "opinion")));
        all.add(new JsonEndpoint("POST /api/tasks/{id}/complete", "POST",
                () -> "/api/tasks/" + f.approvalTask() + "/complete", "countyhead",
                map("decision", "REJECT", "opinion", "不符合产业政策"),
                fields("decision", Kind.CODE, "opinion", Kind.TEXT), Set.of("decision", "opinion")));
        all.add(new JsonEndpoint("POST /api/tasks/{id}/transfer", "POST",
                () -> "/api/tasks/" + f.approvalTask() + "/transfer", "countyhead",
                map("assignee", "countyhead2", "reason", "出差"),
                fields("assignee", Kind.CODE, "reason", Kind.TEXT), Set.of("assignee")));
        all.add(new JsonEndpoint("POST /api/tasks/{id}/copies", "POST",
                () -> "/api/tasks/" + f.approvalTask() + "/copies", "countyhead",
                map("recipients", List.of("deputy"), "note", "请阅"),
                fields("recipients", Kind.LIST, "note", Kind.TEXT), Set.of("recipients")));
        all.add(new JsonEndpoint("POST /api/tasks/{id}/comments", "POST",
                () -> "/api/tasks/" + f.approvalTask() + "/comments", "countyhead", map("message", "请补充用地红线图"),
                fields("message", Kind.TEXT), Set.of("message")));
        all.add(new JsonEndpoint("PUT /api/leads/{id}/attribution", "PUT",
                () -> "/api/leads/" + f.leadAtCheck() + "/attribution", "admin",
                map("reportingUnit", "group-chengdong", "reason", "报送单位填错"),
                fields("reportingUnit", Kind.CODE, "reason", Kind.TEXT), Set.of("reportingUnit", "reason")));
        all.add(new JsonEndpoint("POST /api/leads/{id}/withdraw", "POST",
                () -> "/api/leads/" + f.leadToWithdraw() + "/withdraw", "reporter", map("reason", "企业另选址"),
                fields("reason", Kind.TEXT), Set.of()));
        all.add(new JsonEndpoint("PUT /api/consultation-departments/{group}", "PUT",
                () -> "/api/consultation-departments/dept-drc", "admin",
                map("name", "县发展和改革局", "sortOrder", 1, "active", true),
                fields("name", Kind.TEXT, "sortOrder", Kind.ID, "active", Kind.BOOLEAN), Set.of("name", "sortOrder")));
        all.add(new JsonEndpoint("PUT /api/units/{code}", "PUT", () -> "/api/units/fuzz-unit", "admin",
                map("name", "模糊测试单位", "kind", "TOWN", "active", false),
                fields("name", Kind.TEXT, "kind", Kind.CODE, "active", Kind.BOOLEAN), Set.of("name", "kind")));
        all.add(new JsonEndpoint("PUT /api/calendar/days/{day}", "PUT", () -> "/api/calendar/days/2090-06-15", "admin",
                map("kind", "HOLIDAY", "name", "测试假日"), fields("kind", Kind.CODE, "name", Kind.TEXT),
                Set.of("kind", "name")));
        all.add(new JsonEndpoint("PUT /api/calendar/years/{year}", "PUT", () -> "/api/calendar/years/2090", "admin",
                map("source", "国办发明电〔2089〕1号"), fields("source", Kind.TEXT), Set.of("source")));
        all.add(new JsonEndpoint("POST /api/meetings", "POST", () -> "/api/meetings", "center", map("reason", "集中研判"),
                fields("reason", Kind.TEXT), Set.of("reason")));
        all.add(new JsonEndpoint("POST /api/projects/{id}/split", "POST",
                () -> "/api/projects/" + f.negotiatingProject() + "/split", "center",
                map("projectName", "二期项目", "reason", "分期建设"),
                fields("projectName", Kind.TEXT, "reason", Kind.TEXT), Set.of("projectName", "reason")));
        all.add(new JsonEndpoint("POST /api/projects/{id}/progress", "POST",
                () -> "/api/projects/" + f.approvedProject() + "/progress", "carrier", map("note", "厂房主体完工"),
                fields("note", Kind.TEXT), Set.of("note")));
        // targets, the assessment calendar, the outside offices, funds in place (issue 8)
        all.add(new JsonEndpoint("POST /api/targets/plans", "POST", () -> "/api/targets/plans", "center",
                map("year", 2091, "kind", "DECOMPOSITION", "reason", "年度目标任务分解",
                        "items", List.of(map("metricCode", "SIGNED_PROJECTS", "targetValue", 40))),
                fields("year", Kind.ID, "kind", Kind.CODE, "reason", Kind.TEXT, "items", Kind.LIST),
                Set.of("year", "kind", "items")));
        all.add(new JsonEndpoint("POST /api/targets/metrics", "POST", () -> "/api/targets/metrics", "admin",
                map("code", "FUZZ_NEVER", "name", "模糊测试新指标", "kind", "COUNT_SIGNED", "minInvestmentWan", 10000,
                        "projectCategory", "INDUSTRIAL", "industry", "MANUFACTURING"),
                fields("code", Kind.CODE, "name", Kind.TEXT, "kind", Kind.CODE, "minInvestmentWan", Kind.NUMBER,
                        "projectCategory", Kind.CODE, "industry", Kind.CODE),
                Set.of("code", "name", "kind")));
        all.add(new JsonEndpoint("PUT /api/targets/metrics/{code}/active", "PUT",
                () -> "/api/targets/metrics/" + f.metric() + "/active", "admin", map("active", false),
                fields("active", Kind.BOOLEAN), Set.of("active")));
        all.add(new JsonEndpoint("POST /api/projects/{id}/funds-in-place", "POST",
                () -> "/api/projects/" + f.signedProject() + "/funds-in-place", "center",
                map("amountWan", 500, "inPlaceOn", EngineClock.today().toString(), "evidence", "银行进账单"),
                fields("amountWan", Kind.NUMBER, "inPlaceOn", Kind.DATE, "evidence", Kind.TEXT),
                Set.of("amountWan", "inPlaceOn", "evidence")));
        all.add(new JsonEndpoint("POST /api/offices/{unit}/visits", "POST",
                () -> "/api/offices/" + f.office() + "/visits", "center",
                map("visitedOn", EngineClock.today().toString(), "companyName", "模糊测试企业", "contactPerson", "王经理",
                        "place", "上海嘉定", "summary", "洽谈落户意向"),
                fields("visitedOn", Kind.DATE, "companyName", Kind.TEXT, "contactPerson", Kind.TEXT, "place", Kind.TEXT,
                        "summary", Kind.TEXT),
                Set.of("visitedOn", "companyName", "summary")));
        all.add(new JsonEndpoint("PUT /api/offices/{unit}/posting", "PUT",
                () -> "/api/offices/" + f.office() + "/posting", "center",
                map("region", "上海市及长三角", "postedFrom", "2025-01-01", "postedUntil", "2027-12-31"),
                fields("region", Kind.TEXT, "postedFrom", Kind.DATE, "postedUntil", Kind.DATE),
                Set.of("region", "postedFrom")));
        all.add(new JsonEndpoint("POST /api/assessment/criticisms", "POST", () -> "/api/assessment/criticisms",
                "center", map("unitCode", f.office(), "criticisedOn", EngineClock.today().toString(), "documentNumber",
                        "磐招领办〔2026〕模糊号", "reason", "未按期完成交办任务"),
                fields("unitCode", Kind.CODE, "criticisedOn", Kind.DATE, "documentNumber", Kind.TEXT, "reason",
                        Kind.TEXT),
                Set.of("unitCode", "criticisedOn", "documentNumber", "reason")));
        all.add(new JsonEndpoint("POST /api/assessment/notices", "POST", () -> "/api/assessment/notices", "center",
                map("period", "2025-10"), fields("period", Kind.CODE), Set.of()));
        all.add(new JsonEndpoint("POST /api/assessment/annual-reports", "POST", () -> "/api/assessment/annual-reports",
                "center", map("year", 2025), fields("year", Kind.ID), Set.of("year")));
        return all;
    }

    /** Each JSON endpoint gets broken JSON, wrong types, missing and unknown fields and wrong values; all refused. */
    @Test
    void theDomainApiRefusesBadJson_andStoresNothing() {
        Random random = new Random(SEED);
        for (JsonEndpoint endpoint : jsonEndpoints()) {
            String valid = write(endpoint.body());
            List<String> fieldNames = List.copyOf(endpoint.fields().keySet());
            for (int i = 0; i < TRIES; i++) {
                String field = fieldNames.get(random.nextInt(fieldNames.size()));
                Kind kind = endpoint.fields().get(field);
                String body = switch (i % 5) {
                    // no body, or JSON null, is a valid "nothing to say" where the body is optional (a withdrawal)
                    case 0 -> endpoint.required().isEmpty()
                            ? Gen.oneOf(BadValues.malformedJson(valid), Gen.constant("{")).next(random)
                                    .replaceFirst("^\uFEFF?\\s*(null|\\{})?\\s*$", "{")
                            : BadValues.malformedJson(valid).next(random);
                    case 1 -> withField(endpoint.body(), field, BadValues.wrongType(kind).next(random));
                    case 2 -> withField(endpoint.body(), field, BadValues.wrongValue(kind).next(random));
                    case 3 -> endpoint.required().isEmpty()
                            ? withField(endpoint.body(), "isAdmin", "true")
                            : withField(endpoint.body(), BadValues.pick(random, List.copyOf(endpoint.required())), null);
                    default -> withField(endpoint.body(), Gen.of("isAdmin", "id", "__proto__", "status", "createdBy",
                            "processInstanceId", "${7*7}", "'; --").next(random), Gen.of("true", "1", "\"center\"",
                            "{\"admin\":true}").next(random));
                };
                refused(endpoint.name(), endpoint.method(), endpoint.path().get(), endpoint.user(), "application/json",
                        body.getBytes(StandardCharsets.UTF_8), true);
            }
            // the same body as another content type, and an empty one
            refused(endpoint.name(), endpoint.method(), endpoint.path().get(), endpoint.user(), "text/plain",
                    valid.getBytes(StandardCharsets.UTF_8), true);
            refused(endpoint.name(), endpoint.method(), endpoint.path().get(), endpoint.user(),
                    "application/x-www-form-urlencoded", "a=1&b=%zz".getBytes(StandardCharsets.UTF_8), true);
            if (!endpoint.required().isEmpty()) {
                refused(endpoint.name(), endpoint.method(), endpoint.path().get(), endpoint.user(), "application/json",
                        new byte[0], true);
            }
            refused(endpoint.name(), endpoint.method(), endpoint.path().get(), endpoint.user(), "application/json",
                    new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '{', '}'}, true);
        }
        assertNoProblems();
    }

    /** Every absurd number in every amount and id field, every impossible date in every date: all refused. */
    @Test
    void everyAbsurdNumberAndDateIsRefused() {
        for (JsonEndpoint endpoint : jsonEndpoints()) {
            for (Map.Entry<String, Kind> field : endpoint.fields().entrySet()) {
                List<String> values = switch (field.getValue()) {
                    case NUMBER -> BadValues.ABSURD_NUMBERS;
                    case ID -> BadValues.ABSURD_IDS;
                    case DATE -> BadValues.BAD_DATES.stream().map(BadValues::quote).toList();
                    default -> List.of();
                };
                for (String value : values) {
                    refused(endpoint.name(), endpoint.method(), endpoint.path().get(), endpoint.user(),
                            "application/json", withField(endpoint.body(), field.getKey(), value)
                                    .getBytes(StandardCharsets.UTF_8), true);
                }
            }
        }
        for (String day : BadValues.BAD_DATES) {
            refused("PUT /api/calendar/days/{day}", "PUT", "/api/calendar/days/" + encode(day), "admin",
                    "application/json", "{\"kind\":\"HOLIDAY\",\"name\":\"测试\"}".getBytes(StandardCharsets.UTF_8), true);
            answered("GET /api/calendar/add-working-days?…", "GET", "/api/calendar/add-working-days?from=" + encode(day)
                    + "&days=3", "center");
        }
        assertNoProblems();
    }

    /** 30 MB bodies and 1 MB fields: refused with a clear answer, the server keeps going, nothing stored. */
    @Test
    void theDomainApiRefusesHugeBodies() {
        String thirtyMegabytes = "{\"note\":\"" + "招".repeat(10 * 1024 * 1024) + "\"}";
        byte[] huge = thirtyMegabytes.getBytes(StandardCharsets.UTF_8);
        for (JsonEndpoint endpoint : jsonEndpoints()) {
            refused(endpoint.name(), endpoint.method(), endpoint.path().get(), endpoint.user(), "application/json", huge,
                    true);
            for (Map.Entry<String, Kind> field : endpoint.fields().entrySet()) {
                if (field.getValue() == Kind.TEXT || field.getValue() == Kind.CODE) {
                    String body = withField(endpoint.body(), field.getKey(),
                            quote(BadValues.hugeText(1024 * 1024).next(new Random(SEED))));
                    refused(endpoint.name(), endpoint.method(), endpoint.path().get(), endpoint.user(),
                            "application/json", body.getBytes(StandardCharsets.UTF_8), true);
                }
            }
        }
        // a file over the server's multipart limit, and a multipart body that is not one
        String drafts = "/api/projects/" + fixtures.approvedProject() + "/agreement/drafts";
        refusedUpload("POST /api/projects/{id}/agreement/drafts", drafts, "deputy", "协议.docx",
                new byte[30 * 1024 * 1024], true);
        refused("POST /api/projects/{id}/agreement/drafts", "POST", drafts, "deputy",
                "multipart/form-data; boundary=nothing", "garbage without a boundary".getBytes(StandardCharsets.UTF_8),
                true);
        refused("POST /api/projects/{id}/agreement/drafts", "POST", drafts, "deputy", "multipart/form-data",
                "--x\r\n\r\n".getBytes(StandardCharsets.UTF_8), true);
        assertNoProblems();
    }

    /** Agreement drafts: file names that climb out of a folder or hide an extension, empty and fake files. */
    @Test
    void draftUploadsRefuseBadFiles() {
        Random random = new Random(SEED);
        String drafts = "/api/projects/" + fixtures.approvedProject() + "/agreement/drafts";
        Gen<String> names = Gen.oneOf(Gen.of(BadValues.PATH_TRAVERSAL).map(path -> path + ".exe"),
                Gen.of("协议.docx.exe", "协议.exe", "协议", ".docx.", "con.docx\u0000.exe", "a\r\nContent-Type: x.docx",
                        "${7*7}.sh", "'; DROP TABLE agreement; --.bat", "𠀀𪚥.js", "x".repeat(300) + ".docx"));
        for (int i = 0; i < TRIES * 2; i++) {
            String name = names.next(random);
            byte[] content = Gen.of(new byte[0], "MZ not a document".getBytes(StandardCharsets.UTF_8),
                    "%PDF-1.4 but not really".getBytes(StandardCharsets.UTF_8)).next(random);
            refusedUpload("POST /api/projects/{id}/agreement/drafts", drafts, "deputy",
                    name.endsWith(".docx") ? name : name, content, true);
        }
        assertNoProblems();
    }

    /** Path variables and query parameters: ids beyond long, SQL, expressions, traversal, impossible dates. */
    @Test
    void pathsAndQueriesWithBadValuesAreAnswered() {
        Random random = new Random(SEED);
        Gen<String> bad = Gen.oneOf(Gen.of("abc", "-1", "0", "9223372036854775808", "-9223372036854775809", "1e308",
                "1.5", "NaN", "2026-02-30", "+999999999-12-31", "99999", "-2147483649", "2147483648"),
                Gen.of(BadValues.SQL_META).map(BadInputIT::encode), Gen.of(BadValues.EXPRESSION_META).map(BadInputIT::encode),
                Gen.of(BadValues.PATH_TRAVERSAL).map(BadInputIT::encode), Gen.of(BadValues.FOUR_BYTE).map(BadInputIT::encode),
                Gen.of("%00", "%25", "..%2F..", "%2e%2e", "%C0%AF", "%F0%A0%80%80"));
        List<String[]> templates = List.of(
                new String[] {"GET", "/api/leads/{x}", "center"},
                new String[] {"GET", "/api/leads?status={x}", "center"},
                new String[] {"GET", "/api/leads?unit={x}&from={x}&to={x}&limit={x}", "center"},
                new String[] {"GET", "/api/projects/{x}", "center"},
                new String[] {"GET", "/api/appeals/{x}", "center"},
                new String[] {"GET", "/api/incentive-claims/{x}", "center"},
                new String[] {"GET", "/api/incentive-claims?status={x}&awardType={x}&projectId={x}", "center"},
                new String[] {"GET", "/api/meetings/{x}", "center"},
                new String[] {"GET", "/api/meetings/{x}/minutes", "center"},
                new String[] {"GET", "/api/projects/{x}/agreement", "center"},
                new String[] {"GET", "/api/projects/{x}/agreement/drafts/{x}", "center"},
                new String[] {"GET", "/api/projects/{x}/milestones", "center"},
                new String[] {"POST", "/api/projects/{x}/assessment", "center"},
                new String[] {"GET", "/api/tasks?scope={x}&process={x}&project={x}&unit={x}&due={x}&sort={x}", "center"},
                new String[] {"GET", "/api/tasks/done?from={x}&size={x}&project={x}", "center"},
                new String[] {"GET", "/api/tasks/{x}/comments", "center"},
                new String[] {"POST", "/api/tasks/{x}/claim", "center"},
                new String[] {"GET", "/api/funnel?unit={x}&from={x}&to={x}", "center"},
                new String[] {"GET", "/api/calendar/add-working-days?from={x}&days={x}", "center"},
                new String[] {"GET", "/api/calendar/days?year={x}", "center"},
                new String[] {"DELETE", "/api/calendar/days/{x}", "admin"},
                new String[] {"PUT", "/api/units/{x}/members/{x}", "admin"},
                new String[] {"POST", "/api/leads/{x}/withdraw", "reporter"},
                new String[] {"GET", "/api/targets?year={x}", "center"},
                new String[] {"GET", "/api/targets/changes?year={x}", "center"},
                new String[] {"GET", "/api/targets/plans?year={x}", "center"},
                new String[] {"GET", "/api/targets/plans/{x}", "center"},
                new String[] {"GET", "/api/progress?year={x}&asOf={x}&metric={x}", "center"},
                new String[] {"GET", "/api/progress/ranking?year={x}&asOf={x}&metric={x}", "center"},
                new String[] {"GET", "/api/progress/projects?year={x}&asOf={x}&metric={x}&unit={x}", "center"},
                new String[] {"GET", "/api/projects/{x}/funds-in-place", "center"},
                new String[] {"GET", "/api/assessment/annual-reports?year={x}", "center"},
                new String[] {"GET", "/api/assessment/actions?year={x}", "center"},
                new String[] {"GET", "/api/assessment/criticisms?year={x}", "center"},
                new String[] {"GET", "/api/assessment/documents/{x}", "center"},
                new String[] {"GET", "/api/offices?month={x}", "center"},
                new String[] {"GET", "/api/offices/{x}/visits?month={x}", "center"});
        for (String[] template : templates) {
            for (int i = 0; i < TRIES; i++) {
                String path = template[1];
                while (path.contains("{x}")) {
                    path = path.replaceFirst("\\{x}", java.util.regex.Matcher.quoteReplacement(bad.next(random)));
                }
                answered(template[0] + " " + template[1].replaceAll("\\?.*", "?…"), template[0], path, template[2]);
            }
        }
        assertNoProblems();
    }

    /** Odd but valid texts: stored as sent (4-byte CJK intact on utf8mb4), read back equal, never evaluated. */
    @Test
    void oddButValidTextIsStoredAndReadBackExactly() {
        Random random = new Random(SEED);
        Gen<String> odd = BadValues.oddText();
        WorkbenchSession center = WorkbenchSession.login(port, "center");
        for (int i = 0; i < Math.max(2, TRIES / 2); i++) {
            Map<String, Object> lead = lead(odd.next(random), odd.next(random));
            lead.put("referrer", odd.next(random));
            lead.put("contactName", odd.next(random));
            String name = "POST /api/leads (odd valid text)";
            Response created = counted(name, () -> post("/api/leads", "reporter", lead));
            if (!expect(name, created, 201, lead)) {
                continue;
            }
            JsonNode stored = get("/api/leads/" + created.json().get("leadId").asLong(), "center").json();
            JsonNode row = stored.has("lead") ? stored.get("lead") : stored;
            for (String field : List.of("companyName", "projectName", "referrer", "contactName")) {
                readBack(name, field, lead.get(field), row.path(field).asText(null));
            }
            // the workbench shows the text literally (escaped, not evaluated by Thymeleaf)
            String page = WorkbenchSession.text(center.get("/ledger/leads/" + created.json().get("leadId").asLong())
                    .body());
            if (!page.contains(String.valueOf(lead.get("companyName")).replaceAll("\\s+", " "))) {
                problems.add(name + ": the lead's page does not show the company name literally: " + lead.get("companyName"));
            }
        }
        for (int i = 0; i < Math.max(2, TRIES / 2); i++) {
            Map<String, Object> appeal = map("companyName", odd.next(random), "kind", "COMPLAINT", "subject",
                    odd.next(random), "content", odd.next(random));
            String name = "POST /api/appeals (odd valid text)";
            Response created = counted(name, () -> post("/api/appeals", "center", appeal));
            if (expect(name, created, 201, appeal)) {
                JsonNode stored = get("/api/appeals/" + created.json().get("id").asLong(), "center").json();
                for (String field : List.of("companyName", "subject", "content")) {
                    readBack(name, field, appeal.get(field), stored.path(field).asText(null));
                }
            }
        }
        for (int i = 0; i < Math.max(2, TRIES / 2); i++) {
            String message = odd.next(random);
            String name = "POST /api/tasks/{id}/comments (odd valid text)";
            Response created = counted(name, () -> post("/api/tasks/" + fixtures.approvalTask() + "/comments",
                    "countyhead", map("message", message)));
            if (expect(name, created, 204, message)) {
                boolean found = false;
                for (JsonNode comment : get("/api/tasks/" + fixtures.approvalTask() + "/comments", "countyhead").json()) {
                    found |= message.equals(comment.path("message").asText());
                }
                if (!found) {
                    problems.add(name + ": comment not read back exactly: " + message);
                }
            }
            String unitName = odd.next(random);
            String unit = "PUT /api/units/{code} (odd valid text)";
            Response saved = counted(unit, () -> put("/api/units/fuzz-odd-unit", "admin",
                    map("name", unitName, "kind", "TOWN", "active", false)));
            if (expect(unit, saved, 200, unitName)) {
                boolean found = false;
                for (JsonNode row : get("/api/units", "admin").json()) {
                    found |= "fuzz-odd-unit".equals(row.path("code").asText()) && unitName.equals(row.path("name").asText());
                }
                if (!found) {
                    problems.add(unit + ": name not read back exactly: " + unitName);
                }
            }
        }
        assertNoProblems();
    }

    // ------------------------------------------------------------------------------------------------------------
    // the workbench's forms

    /** The workbench's form posts with wrong, absurd and broken values: a page, never a 500 or a stack trace. */
    @Test
    void theWorkbenchFormsRefuseBadInput() {
        Random random = new Random(SEED);
        WorkbenchSession reporter = WorkbenchSession.login(port, "reporter");
        WorkbenchSession center = WorkbenchSession.login(port, "center");
        WorkbenchSession countyhead = WorkbenchSession.login(port, "countyhead");
        WorkbenchSession admin = WorkbenchSession.login(port, "admin");
        Gen<String> wrong = Gen.oneOf(Gen.of(BadValues.ABSURD_NUMBERS), Gen.of(BadValues.BAD_DATES),
                Gen.of(BadValues.SQL_META).map(s -> "X" + s), Gen.of(BadValues.EXPRESSION_META).map(s -> "X" + s),
                Gen.of(BadValues.PATH_TRAVERSAL), Gen.of("一亿", "abc", "", " ", "\u0000", "true", "null", "[]", "{}"),
                random1 -> "x".repeat(1_000_001));
        // in a page's address: the same without the 1 MB text (Tomcat refuses an address over 8 KB itself)
        Gen<String> inPath = Gen.oneOf(Gen.of(BadValues.ABSURD_NUMBERS), Gen.of(BadValues.BAD_DATES),
                Gen.of(BadValues.SQL_META), Gen.of(BadValues.EXPRESSION_META), Gen.of(BadValues.PATH_TRAVERSAL),
                Gen.of(BadValues.FOUR_BYTE), Gen.of("一亿", "abc", "-1", "0", "9223372036854775808", "%00", "%2F"));
        Map<String, String> lead = new LinkedHashMap<>(Map.of("companyName", "工作台模糊测试企业", "projectName", "测试项目",
                "industry", "MANUFACTURING", "projectCategory", "INDUSTRIAL", "totalInvestmentWan", "12000",
                "landRequired", "true", "landAreaMu", "35", "reportingUnit", "group-chengdong", "contactName", "王经理",
                "contactPhone", "13800000000"));
        Map<String, String> appeal = new LinkedHashMap<>(Map.of("companyName", "工作台模糊测试企业", "kind", "REQUEST",
                "subject", "用电", "opinion", "请协调", "projectId", "1"));
        String task = "/tasks/" + fixtures.approvalTask();
        for (int i = 0; i < TRIES; i++) {
            form("POST /leads/new", reporter, "/leads/new", mutate(random, lead,
                    Set.of("industry", "projectCategory", "totalInvestmentWan", "landAreaMu", "reportingUnit",
                            "contactPhone"), wrong));
            form("POST /appeals/new", center, "/appeals/new", mutate(random, appeal,
                    Set.of("kind", "projectId"), wrong));
            form("POST /tasks/{id}/complete", countyhead, task + "/complete",
                    Map.of("decision", "X" + wrong.next(random), "opinion", wrong.next(random)));
            form("POST /tasks/{id}/transfer", countyhead, task + "/transfer",
                    Map.of("assignee", "X" + wrong.next(random), "reason", wrong.next(random)));
            form("POST /tasks/{id}/copies", countyhead, task + "/copies",
                    Map.of("recipients", List.of("X" + wrong.next(random), "Y" + wrong.next(random)), "note", "请阅"));
            form("POST /tasks/{id}/comments", countyhead, task + "/comments",
                    Map.of("message", Gen.of("", " ", "x".repeat(1_000_001)).next(random)));
            form("POST /tasks/{id}/claim", countyhead, "/tasks/" + encode("X" + wrong.next(random)) + "/claim", Map.of());
            form("POST /admin/calendar/days", admin, "/admin/calendar/days", Map.of("date", wrong.next(random),
                    "kind", "X" + wrong.next(random), "name", wrong.next(random), "shownYear", wrong.next(random)));
            form("POST /admin/calendar/days/{date}/delete", admin,
                    "/admin/calendar/days/" + encode(wrong.next(random)) + "/delete", Map.of());
            form("POST /admin/calendar/years", admin, "/admin/calendar/years", Map.of("year", "X" + wrong.next(random),
                    "source", wrong.next(random), "shownYear", wrong.next(random)));
            page("GET /admin/calendar", admin, "/admin/calendar?year=" + encode(wrong.next(random)) + "&from="
                    + encode(wrong.next(random)) + "&days=" + encode(wrong.next(random)) + "&edit="
                    + encode(wrong.next(random)));
            page("GET /ledger", center, "/ledger?q=" + encode(wrong.next(random)) + "&stage=" + encode(wrong.next(random))
                    + "&unit=" + encode(wrong.next(random)) + "&from=" + encode(wrong.next(random)) + "&to="
                    + encode(wrong.next(random)) + "&sort=" + encode(wrong.next(random)) + "&page="
                    + encode(wrong.next(random)));
            page("GET /ledger/export.xlsx", center, "/ledger/export.xlsx?from=" + encode(wrong.next(random)) + "&sort="
                    + encode(wrong.next(random)));
            String x = encode(inPath.next(random));
            String y = encode(inPath.next(random));
            page("GET /projects/{id}", center, "/projects/" + x);
            page("GET /ledger/leads/{id}", center, "/ledger/leads/" + x);
            page("GET /projects/{id}/drafts/{version}", center, "/projects/" + x + "/drafts/" + y);
            page("GET /projects/{id}/minutes/{meetingId}", center, "/projects/" + x + "/minutes/" + y);
            page("GET /tasks/{id}", countyhead, "/tasks/" + x);
            page("GET /tasks/{id}/attachments/{attachmentId}", countyhead, task + "/attachments/" + y);
            page("GET /tasks?…", countyhead, "/tasks?process=" + x + "&project=" + y + "&unit=" + x + "&due=" + y
                    + "&sort=" + x);
            page("GET /tasks/done?…", countyhead, "/tasks/done?process=" + x + "&page=" + y);
            page("GET /dashboard?…", center, "/dashboard?unit=" + x + "&from=" + y + "&to=" + x);
            form("POST /assessment/plans", center, "/assessment/plans", Map.of("year", "2092", "reason",
                    wrong.next(random), "t::SIGNED_PROJECTS", "X" + wrong.next(random), "t::FUNDS_IN_PLACE",
                    wrong.next(random)));
            form("POST /assessment/offices/posting", center, "/assessment/offices/posting", Map.of("unitCode",
                    fixtures.office(), "region", wrong.next(random), "postedFrom", "X" + wrong.next(random),
                    "postedUntil", wrong.next(random)));
            form("POST /assessment/offices/visits", center, "/assessment/offices/visits", Map.of("unitCode",
                    fixtures.office(), "visitedOn", "X" + wrong.next(random), "companyName", wrong.next(random),
                    "summary", wrong.next(random)));
            form("POST /assessment/funds", center, "/assessment/funds", Map.of("project",
                    String.valueOf(fixtures.signedProject()), "amountWan", "X" + wrong.next(random), "inPlaceOn",
                    wrong.next(random), "evidence", wrong.next(random)));
            form("POST /assessment/criticisms", center, "/assessment/criticisms", Map.of("unitCode",
                    fixtures.office(), "criticisedOn", "X" + wrong.next(random), "documentNumber", wrong.next(random),
                    "reason", wrong.next(random)));
            form("POST /admin/metrics", admin, "/admin/metrics", Map.of("code", "X" + wrong.next(random), "name",
                    wrong.next(random), "kind", "X" + wrong.next(random), "minInvestmentWan", wrong.next(random)));
            form("POST /admin/metrics/{code}/active", admin, "/admin/metrics/" + encode(wrong.next(random))
                    + "/active", Map.of("active", "X" + wrong.next(random)));
            page("GET /assessment?…", center, "/assessment?year=" + x + "&metric=" + y);
            page("GET /assessment/plans?…", center, "/assessment/plans?year=" + x);
            page("GET /assessment/plans/{id}", center, "/assessment/plans/" + x);
            page("GET /assessment/plans/{id}/edit", center, "/assessment/plans/" + x + "/edit");
            page("GET /assessment/plans/new?…", center, "/assessment/plans/new?year=" + x);
            page("GET /assessment/projects?…", center, "/assessment/projects?year=" + x + "&metric=" + y + "&unit=" + x);
            page("GET /assessment/offices?…", center, "/assessment/offices?month=" + x);
            page("GET /assessment/documents/{id}", center, "/assessment/documents/" + x);
            String name = Gen.oneOf(Gen.of(BadValues.PATH_TRAVERSAL).map(p -> p + ".exe"),
                    Gen.of("附件.exe", "a\r\nb.pdf", "${7*7}.sh", "x".repeat(300) + ".pdf", "𠀀.bat")).next(random);
            upload("POST /tasks/{id}/attachments", countyhead, task + "/attachments", name,
                    "MZ".getBytes(StandardCharsets.UTF_8));
        }
        // broken bodies: not url-encoded, bad percent escapes, invalid UTF-8, too many fields, over Tomcat's 2 MB limit
        byte[][] broken = {"%zz=%%&=&&&a".getBytes(StandardCharsets.UTF_8), {(byte) 0xC3, '=', (byte) 0xFF},
                ("a=1" + "&a=1".repeat(20_000)).getBytes(StandardCharsets.UTF_8),
                ("message=" + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8)};
        for (byte[] body : broken) {
            raw("POST /leads/new", reporter, "/leads/new", "application/x-www-form-urlencoded", body);
            raw("POST /tasks/{id}/comments", countyhead, task + "/comments", "application/x-www-form-urlencoded", body);
            raw("POST /admin/calendar/days", admin, "/admin/calendar/days", "application/x-www-form-urlencoded", body);
            raw("POST /tasks/{id}/complete", countyhead, task + "/complete", "application/json", body);
        }
        raw("POST /tasks/{id}/attachments", countyhead, task + "/attachments", "multipart/form-data; boundary=x",
                "--x\r\nbroken".getBytes(StandardCharsets.UTF_8));
        raw("POST /tasks/{id}/attachments", countyhead, task + "/attachments", "multipart/form-data; boundary=x",
                new byte[30 * 1024 * 1024]);
        assertNoProblems();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Camunda's deployment endpoint

    private static final String BPMN_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String DEFINITIONS = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
            + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Definitions_Fuzz\" "
            + "targetNamespace=\"http://bpmn.io/schema/bpmn\">";

    /** Models that are not models: XXE, billion laughs, broken XML, not XML, huge; deployed as admin. */
    @Test
    void malformedModelsAreRefusedAtDeployment() {
        Random random = new Random(SEED);
        String process = "<bpmn:process id=\"Process_Fuzz\" isExecutable=\"true\" camunda:historyTimeToLive=\"30\">"
                + "<bpmn:startEvent id=\"Start\"/><bpmn:endEvent id=\"End\"/>"
                + "<bpmn:sequenceFlow id=\"Flow\" sourceRef=\"Start\" targetRef=\"End\"/></bpmn:process>";
        String laughs = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">" + entities() + "]>";
        List<String> models = new ArrayList<>(List.of(
                BPMN_HEAD + "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + DEFINITIONS
                        + process.replace("id=\"Start\"/>", "id=\"Start\" name=\"&xxe;\"/>") + "</bpmn:definitions>",
                BPMN_HEAD + "<!DOCTYPE x [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>" + DEFINITIONS + process
                        + "</bpmn:definitions>",
                BPMN_HEAD + "<!DOCTYPE x SYSTEM \"http://127.0.0.1:1/evil.dtd\">" + DEFINITIONS + process
                        + "</bpmn:definitions>",
                BPMN_HEAD + laughs + DEFINITIONS + process.replace("id=\"Start\"/>", "id=\"Start\" name=\"&lol9;\"/>")
                        + "</bpmn:definitions>",
                BPMN_HEAD + DEFINITIONS + process,
                BPMN_HEAD + DEFINITIONS + process + "</bpmn:definitions><extra/>",
                BPMN_HEAD + DEFINITIONS + process.replace("sourceRef=\"Start\"", "sourceRef=\"Nowhere\"")
                        + "</bpmn:definitions>",
                BPMN_HEAD + DEFINITIONS + process.replace("id=\"Process_Fuzz\"", "id=\"${7*7}\"") + "</bpmn:definitions>",
                BPMN_HEAD + DEFINITIONS + process.replace("id=\"Process_Fuzz\"", "id=\"'; DROP TABLE ACT_RE_PROCDEF; --\"")
                        + "</bpmn:definitions>",
                BPMN_HEAD + DEFINITIONS + "<bpmn:process id=\"P\"><bpmn:startEvent id=\"S\">" + "<x>".repeat(50_000)
                        + "</bpmn:process></bpmn:definitions>",
                "", "not xml at all", "<", "<?xml version=\"1.0\"?>", "\uFEFF\u0000\u0001",
                "{\"definitions\":[]}", "<html><body>hi</body></html>",
                "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" "
                        + "name=\"d\" namespace=\"x\"><decision id=\"D\"><decisionTable id=\"T\"><output id=\"o\" "
                        + "typeRef=\"nope\"/><rule id=\"r\"><outputEntry id=\"e\"><text>${7*7</text></outputEntry></rule>"
                        + "</decisionTable></decision>"));
        for (int i = 0; i < TRIES; i++) {
            // random damage to a valid model
            String valid = BPMN_HEAD + DEFINITIONS + process + "</bpmn:definitions>";
            char[] chars = valid.toCharArray();
            for (int k = 0; k < 3; k++) {
                chars[40 + random.nextInt(chars.length - 40)] = "<>&\"'/=\u0000".charAt(random.nextInt(8));
            }
            models.add(new String(chars));
        }
        for (String model : models) {
            String file = Gen.of("fuzz.bpmn", "fuzz.dmn", "../../../../tmp/fuzz.bpmn", "..\\fuzz.bpmn", "𠀀.bpmn",
                    "${7*7}.bpmn").next(random);
            if (file.endsWith(".dmn") && !model.contains("DMN")) {
                file = "fuzz.bpmn";
            } else if (model.contains("DMN")) {
                file = "fuzz.dmn";
            }
            deploy(file, model.getBytes(StandardCharsets.UTF_8));
        }
        deploy("huge.bpmn", (BPMN_HEAD + DEFINITIONS + "<!--" + "x".repeat(30 * 1024 * 1024) + "-->")
                .getBytes(StandardCharsets.UTF_8));
        assertNoProblems();
    }

    private static String entities() {
        StringBuilder dtd = new StringBuilder();
        for (int level = 1; level <= 9; level++) {
            dtd.append("<!ENTITY lol").append(level).append(" \"");
            String previous = level == 1 ? "&lol;" : "&lol" + (level - 1) + ";";
            dtd.append(previous.repeat(10)).append("\">");
        }
        return dtd.toString();
    }

    private void deploy(String fileName, byte[] model) {
        String boundary = "----fuzz" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nfuzz\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\nfalse\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(model);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        refused("POST /engine-rest/deployment/create", "POST", "/engine-rest/deployment/create", "admin",
                "multipart/form-data; boundary=" + boundary, body.toByteArray(), false);
    }

    // ------------------------------------------------------------------------------------------------------------
    // sending and checking

    /** A request that must be refused: 4xx, a clear JSON answer, no leak, no row written. */
    private void refused(String name, String method, String path, String user, String contentType, byte[] body,
            boolean ourApi) {
        Map<String, Long> before = rows();
        Instant started = Instant.now();
        Response response = counted(name, () -> send(request(path, user).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(120)).build()));
        String what = name + " " + path + " " + preview(body);
        judge(name, what, response, ourApi, before, Duration.between(started, Instant.now()));
    }

    private void refusedUpload(String name, String path, String user, String fileName, byte[] content, boolean ourApi) {
        Map<String, Long> before = rows();
        Instant started = Instant.now();
        Response response = counted(name, () -> postFile(path, user, Map.of("signingParty", "GOVERNMENT"), "file",
                fileName, content));
        judge(name, name + " file " + fileName + " (" + content.length + " bytes)", response, ourApi, before,
                Duration.between(started, Instant.now()));
    }

    private void judge(String name, String what, Response response, boolean ourApi, Map<String, Long> before,
            Duration took) {
        if (response == null) {
            // the server refused before reading a huge body and closed the connection: nothing may be stored
            sameRows(name, what, before);
            return;
        }
        int status = response.status();
        if (status >= 500) {
            problems.add(what + " → " + status + " " + preview(response.body()));
        } else if (status < 400) {
            figure(name)[ACCEPTED]++;
            problems.add(what + " → accepted with " + status + ": " + preview(response.body()));
        }
        if (status >= 400 && status < 500) {
            figure(name)[REFUSED_4XX]++;
            clearJsonAnswer(what, response, ourApi);
        }
        leaks(what, response.body());
        if (status >= 400) {
            sameRows(name, what, before);
        }
        if (took.toSeconds() > 30) {
            problems.add(what + " took " + took.toSeconds() + " s");
        }
    }

    /** A request with bad query values or path variables: answered (2xx or 4xx), never 5xx, nothing written. */
    private void answered(String name, String method, String path, String user) {
        Map<String, Long> before = rows();
        Response response;
        try {
            response = counted(name, () -> send(request(path, user).method(method,
                    HttpRequest.BodyPublishers.noBody()).build()));
        } catch (IllegalArgumentException e) {
            return; // not a URI the client can even send
        }
        if (response == null) {
            return;
        }
        if (response.status() >= 500) {
            problems.add(name + " " + path + " → " + response.status() + " " + preview(response.body()));
        } else if (response.status() >= 400) {
            figure(name)[REFUSED_4XX]++;
            clearJsonAnswer(name + " " + path, response, true);
        } else {
            figure(name)[ACCEPTED]++;
        }
        leaks(name + " " + path, response.body());
        sameRows(name, path, before);
    }

    /** Odd valid input: expected status, counted as accepted. */
    private boolean expect(String name, Response response, int status, Object sent) {
        if (response == null || response.status() != status) {
            problems.add(name + " " + preview(String.valueOf(sent)) + " → " + (response == null ? "closed"
                    : response.status() + " " + preview(response.body())));
            if (response != null && response.status() >= 500) {
                figure(name)[SERVER_5XX]++;
            }
            return false;
        }
        figure(name)[ACCEPTED]++;
        return true;
    }

    private void readBack(String name, String field, Object sent, String stored) {
        if (!String.valueOf(sent).equals(stored)) {
            problems.add(name + ": " + field + " stored as «" + stored + "», sent «" + sent + "»");
        }
    }

    private void form(String name, WorkbenchSession session, String path, Map<String, ?> fields) {
        Map<String, Long> before = rows();
        java.net.http.HttpResponse<String> response = counted(name, () -> session.post(path, fields));
        workbench(name, path + " " + preview(fields.toString()), response, before);
    }

    private void raw(String name, WorkbenchSession session, String path, String contentType, byte[] body) {
        Map<String, Long> before = rows();
        java.net.http.HttpResponse<String> response = counted(name, () -> session.postRaw(path, contentType, body));
        workbench(name, path + " " + preview(body), response, before);
    }

    private void upload(String name, WorkbenchSession session, String path, String fileName, byte[] content) {
        Map<String, Long> before = rows();
        java.net.http.HttpResponse<String> response = counted(name, () -> session.upload(path, "file", fileName, content));
        workbench(name, path + " file " + fileName, response, before);
    }

    private void page(String name, WorkbenchSession session, String path) {
        Map<String, Long> before = rows();
        java.net.http.HttpResponse<String> response = counted(name, () -> session.get(path));
        if (response != null && response.statusCode() < 400) {
            figure(name)[ACCEPTED]++;
        } else if (response != null && response.statusCode() < 500) {
            figure(name)[REFUSED_4XX]++;
        }
        if (response != null && response.statusCode() >= 500) {
            problems.add(name + " " + path + " → " + response.statusCode() + " " + preview(response.body()));
        }
        if (response != null) {
            leaks(name + " " + path, response.body());
        }
        sameRows(name, path, before);
    }

    /** A workbench refusal: a page (400/403/404) or a redirect back with the problem; never 5xx, nothing written. */
    private void workbench(String name, String what, java.net.http.HttpResponse<String> response, Map<String, Long> before) {
        if (response != null) {
            int status = response.statusCode();
            if (status >= 500) {
                problems.add(what + " → " + status + " " + preview(WorkbenchSession.text(response.body())));
            } else if (status >= 400) {
                figure(name)[REFUSED_4XX]++;
            } else {
                String location = response.headers().firstValue("Location").orElse("");
                if (location.contains("/login")) {
                    problems.add(what + " → logged out (" + location + ")");
                }
            }
            leaks(what, response.body());
        }
        sameRows(name, what, before);
    }

    private void clearJsonAnswer(String what, Response response, boolean ourApi) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.contains("json")) {
            problems.add(what + " → " + response.status() + " not JSON (" + type + "): " + preview(response.body()));
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            problems.add(what + " → " + response.status() + " unreadable JSON: " + preview(response.body()));
            return;
        }
        String message = json.path("message").asText("");
        if (message.isBlank()) {
            problems.add(what + " → " + response.status() + " without a message: " + preview(response.body()));
        } else if (ourApi && (!CHINESE.matcher(message).find() || !LATIN.matcher(message).find())) {
            problems.add(what + " → " + response.status() + " message not Chinese + English: " + message);
        }
    }

    private void leaks(String what, String body) {
        if (body == null) {
            return;
        }
        // Camunda's own error names its type ({"type":"ProcessEngineException",…}): accepted, the rest is checked
        String checked = body.replaceFirst("^\\{\"type\":\"\\w+\",", "{");
        for (Pattern leak : LEAKS) {
            java.util.regex.Matcher found = leak.matcher(checked);
            if (found.find()) {
                problems.add(what + " → body gives away «" + found.group() + "»: "
                        + preview(around(checked, found.group())));
                return;
            }
        }
    }

    private void sameRows(String name, String what, Map<String, Long> before) {
        Map<String, Long> after = rows();
        if (!after.equals(before)) {
            Map<String, String> changed = new TreeMap<>();
            before.forEach((table, count) -> {
                if (!count.equals(after.get(table))) {
                    changed.put(table, count + "→" + after.get(table));
                }
            });
            figure(name)[HALF_RECORDS]++;
            problems.add(what + " → rows written although refused: " + changed);
        }
    }

    private Map<String, Long> rows() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < TABLES.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(SELECT COUNT(*) FROM ").append(TABLES.get(i)).append(")");
        }
        return jdbc.query(sql.toString(), rs -> {
            rs.next();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < TABLES.size(); i++) {
                counts.put(TABLES.get(i), rs.getLong(i + 1));
            }
            return counts;
        });
    }

    /** Sends and counts; a connection the server closed while a huge body was still being sent is null. */
    private <T> T counted(String name, Supplier<T> send) {
        int[] figure = figure(name);
        figure[SENT]++;
        try {
            T response = send.get();
            int status = response instanceof Response r ? r.status()
                    : response instanceof java.net.http.HttpResponse<?> h ? h.statusCode() : 0;
            if (status >= 500) {
                figure[SERVER_5XX]++;
            }
            return response;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.io.IOException) {
                figure[CLOSED]++;
                return null;
            }
            throw e;
        }
    }

    private static int[] figure(String name) {
        return FIGURES.computeIfAbsent(name, n -> new int[6]);
    }

    private void assertNoProblems() {
        assertThat(problems).as("bad input answered wrongly (seed %d, -Dfuzz.seed=%d repeats it)", SEED, SEED)
                .isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------
    // small helpers

    private static Map<String, String> mutate(Random random, Map<String, String> valid, Set<String> mutable,
            Gen<String> wrong) {
        Map<String, String> form = new LinkedHashMap<>(valid);
        String field = BadValues.pick(random, List.copyOf(mutable));
        String value = wrong.next(random);
        // a text that happens to be valid for the field is made wrong for it
        // codes (and the phone number) get a prefix that no code has; numbers stay absurd numbers or no numbers at all
        boolean code = Set.of("industry", "projectCategory", "reportingUnit", "contactPhone", "kind").contains(field);
        form.put(field, code || value.isBlank() ? "X" + value + "!" : value + (field.equals("projectId") ? "x" : ""));
        return form;
    }

    private static Map<String, Object> map(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Kind> fields(Object... namesAndKinds) {
        Map<String, Kind> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndKinds.length; i += 2) {
            map.put((String) namesAndKinds[i], (Kind) namesAndKinds[i + 1]);
        }
        return map;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String preview(byte[] body) {
        return body.length > 200 ? "(" + body.length + " bytes) " + preview(new String(body, 0, 200,
                StandardCharsets.UTF_8)) : preview(new String(body, StandardCharsets.UTF_8));
    }

    private static String preview(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return flat.length() > 300 ? flat.substring(0, 300) + "…(" + text.length() + " chars)" : flat;
    }

    private static String around(String body, String leak) {
        int at = body.indexOf(leak);
        return body.substring(Math.max(0, at - 150), Math.min(body.length(), at + 150));
    }
}
