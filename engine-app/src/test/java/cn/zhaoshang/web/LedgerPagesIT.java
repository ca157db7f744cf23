package cn.zhaoshang.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import cn.zhaoshang.agreement.AgreementReview;
import cn.zhaoshang.agreement.AgreementToFulfilmentIT;
import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.fulfilment.Fulfilment;
import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.negotiation.InspectionNegotiation;
import cn.zhaoshang.support.Browser;
import cn.zhaoshang.support.BrowserTest;
import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.system.EngineClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 项目台账 and the project page in a real headless Chromium, as officials use them: search by keyboard, filter, sort,
 * a refused filter, the Excel export downloaded and opened as a workbook; a project in landing approval with its
 * current step marked on the diagram; a project followed from its lead through the research meeting, approval and
 * legal review to fulfilment, with its diagrams, timeline, opinions and documents, read by a reporter (any logged-in
 * official). Screenshots of every page are in engine-app/target/screenshots/. Each test makes its own leads and
 * projects and only looks at them (their company names carry this run's token).
 */
@BrowserTest
class LedgerPagesIT extends LifecycleIT {

    private final String token = "台账" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

    @Test
    void ledger_searchFilterSortExport_andAProjectInApprovalShowsItsCurrentStep() throws Exception {
        long leadId = report(lead(token + "甲文旅有限公司", "甲康养综合体"));
        long negotiating = negotiatingProject(token + "丙科技有限公司", "丙研发中心");
        Map<String, Object> application = new LinkedHashMap<>(application("INDUSTRIAL", 45));
        application.put("companyName", token + "乙智能制造有限公司");
        application.put("projectName", "乙智能工厂");
        application.put("totalInvestmentWan", 50000);
        JsonNode submitted = submit(application);
        long approval = submitted.get("projectId").asLong();
        // the first step of T2 is due: its reminder (催办) makes it an overdue step in the ledger
        Job reminder = managementService.createJobQuery().processInstanceId(submitted.get("processInstanceId").asText())
                .activityId("Timer_ReviewByDeputyHeadReminder").singleResult();
        managementService.executeJob(reminder.getId());

        try (Browser browser = Browser.open("http://localhost:" + port, "ledger")) {
            login(browser, "center");
            browser.clickAndWait("nav[aria-label='主导航'] a[href='/ledger']");
            assertThat(browser.text("h1")).isEqualTo("项目台账");
            assertThat(browser.title()).startsWith("项目台账");
            browser.assertEveryFieldLabelled();

            // search by keyboard: type, Enter
            browser.type("#f-q", token).pressAndWait("#f-q", Keys.ENTER);
            assertThat(browser.path()).startsWith("/ledger?q=");
            assertThat(rows(browser)).containsExactlyInAnyOrder(project(approval), project(negotiating), lead(leadId));
            assertThat(browser.text("#ledger-summary")).startsWith("共 3 条");
            assertThat(browser.text(row(project(approval)))).contains(token + "乙智能制造有限公司", "乙智能工厂", "落地审批",
                    "审批中", "工业", "50,000.00", "45", "T2", "分管副县长 李明", "城东招商组", "责任：城东工业园区", "审批环节超期");
            assertThat(browser.find(row(project(approval))).getAttribute("class")).contains("warned");
            assertThat(browser.text(row(project(negotiating)))).contains("考察洽谈", "考察洽谈中", "12,000.00", "不用地")
                    .doesNotContain("超期");
            assertThat(browser.text(row(lead(leadId)))).contains("线索甄别", "已报送，待审核", "文旅、康养、服务业、农业、商业",
                    "8,000.00", "15", "线索 #" + leadId);
            browser.screenshot("ledger");
            browser.screenshot("ledger-table", "#ledger");

            // filters: a stage, then warnings only
            browser.choose("#f-stage", "落地审批").clickAndWait("#ledger-filter button[type=submit]");
            assertThat(rows(browser)).containsExactly(project(approval));
            assertThat(browser.find("#f-stage").getAttribute("value")).as("the form keeps the choice").isEqualTo("APPROVAL");
            browser.choose("#f-stage", "全部阶段").find("#f-warnings").click();
            browser.clickAndWait("#ledger-filter button[type=submit]");
            assertThat(rows(browser)).containsExactly(project(approval));
            browser.screenshot("ledger-warnings-only");
            browser.choose("#f-status", "考察洽谈中").find("#f-warnings").click();
            browser.clickAndWait("#ledger-filter button[type=submit]");
            assertThat(rows(browser)).containsExactly(project(negotiating));
            browser.choose("#f-status", "全部状态").choose("#f-category", "文旅、康养、服务业、农业、商业")
                    .clickAndWait("#ledger-filter button[type=submit]");
            assertThat(rows(browser)).containsExactly(lead(leadId));

            // sorting by a column header, then the other way round
            browser.go("/ledger?q=" + encode(token));
            browser.clickAndWait("#ledger thead a[href*='sort=investment']");
            assertThat(browser.find("#ledger thead th:nth-child(5)").getAttribute("aria-sort")).isEqualTo("descending");
            assertThat(rows(browser)).containsExactly(project(approval), project(negotiating), lead(leadId));
            browser.clickAndWait("#ledger thead a[href*='sort=investment']");
            assertThat(browser.find("#ledger thead th:nth-child(5)").getAttribute("aria-sort")).isEqualTo("ascending");
            assertThat(rows(browser)).containsExactly(lead(leadId), project(negotiating), project(approval));
            browser.screenshot("ledger-sorted", "#ledger");

            // a date that does not exist: refused next to its field, in Chinese, focused; no rows for it
            browser.type("#f-from", LocalDate.now().getYear() + "-02-30").clickAndWait("#ledger-filter button[type=submit]");
            assertThat(browser.text("#f-from-error")).isEqualTo("开始日期格式应为 yyyy-MM-dd");
            assertThat(browser.find("#f-from").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("f-from");
            assertThat(browser.has("#ledger")).isFalse();
            browser.screenshot("ledger-bad-date", "#ledger-filter");

            // export what the page shows: this run's rows, largest investment first
            browser.go("/ledger?q=" + encode(token) + "&sort=investment&dir=desc");
            String today = EngineClock.today().toString();
            Path file = browser.download("#export");
            assertThat(file.getFileName().toString()).as("the Chinese file name (RFC 5987)").isEqualTo("项目台账-" + today + ".xlsx");
            try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                Sheet sheet = workbook.getSheet("项目台账");
                assertThat(sheet).as("a valid workbook with the ledger sheet").isNotNull();
                List<String> headers = new ArrayList<>();
                sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
                assertThat(headers).startsWith("类型", "编号", "企业名称", "项目名称", "阶段", "状态")
                        .contains("总投资（万元）", "用地面积（亩）", "审批层级", "责任领导（专班组长）", "登记日期", "最近更新", "预警");
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                assertThat(sheet.getLastRowNum()).isEqualTo(3);
                List<String> companies = new ArrayList<>();
                for (int r = 1; r <= 3; r++) {
                    companies.add(sheet.getRow(r).getCell(headers.indexOf("企业名称")).getStringCellValue());
                }
                assertThat(companies).containsExactly(token + "乙智能制造有限公司", token + "丙科技有限公司", token + "甲文旅有限公司");
                Row first = sheet.getRow(1);
                assertThat(numeric(first, headers, "编号")).isEqualTo(approval);
                assertThat(numeric(first, headers, "总投资（万元）")).isEqualTo(50000);
                assertThat(numeric(first, headers, "用地面积（亩）")).isEqualTo(45);
                assertThat(first.getCell(headers.indexOf("审批层级")).getStringCellValue()).isEqualTo("T2");
                assertThat(first.getCell(headers.indexOf("预警")).getStringCellValue()).isEqualTo("审批环节超期");
                Cell registered = first.getCell(headers.indexOf("登记日期"));
                assertThat(registered.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(registered)).as("a real date").isTrue();
                assertThat(registered.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(EngineClock.today());
                assertThat(DateUtil.isCellDateFormatted(first.getCell(headers.indexOf("最近更新")))).isTrue();
                assertThat(sheet.getRow(2).getCell(headers.indexOf("用地面积（亩）"))).as("no land: empty").isNull();
                assertThat(numeric(sheet.getRow(3), headers, "总投资（万元）")).isEqualTo(8000);
                Sheet about = workbook.getSheet("导出说明");
                assertThat(about.getRow(1).getCell(1).getStringCellValue()).isEqualTo("center");
                assertThat(about.getRow(2).getCell(1).getStringCellValue()).isEqualTo("企业或项目名称含「" + token + "」");
                assertThat(about.getRow(3).getCell(1).getStringCellValue()).startsWith("总投资，从高到低");
            }
            HttpResponse<byte[]> export = HTTP_BYTES.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + browser.find("#export").getAttribute("href").replaceFirst("^https?://[^/]+", "")))
                    .header("Cookie", browser.sessionCookie()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith(LedgerPageController.XLSX);
            assertThat(export.headers().firstValue("Content-Disposition").orElse("")).isEqualTo("attachment; filename=\"ledger-"
                    + today + ".xlsx\"; filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%8F%B0%E8%B4%A6-" + today + ".xlsx");
            browser.screenshotAt(390, 844, "ledger-phone");

            // the project in approval: its diagram marks the step it waits at
            browser.clickAndWait(row(project(approval)) + " td.name a");
            assertThat(browser.path()).isEqualTo("/projects/" + approval);
            assertThat(browser.text("h1")).contains(token + "乙智能制造有限公司", "乙智能工厂");
            assertThat(browser.text("#warnings")).isEqualTo("预警：审批环节超期");
            String landing = "article[data-process='" + LandingApproval.PROCESS_KEY + "']";
            assertThat(browser.text(landing + " .current")).isEqualTo("当前环节：分管副县长审核");
            assertThat(browser.text(landing + " h3")).contains("招商引资项目落地审批", "进行中");
            assertThat(nodeClass(browser, landing, LandingApproval.Step.REVIEW_BY_DEPUTY_HEAD)).contains("active");
            assertThat(nodeClass(browser, landing, "Task_RecordTier")).contains("completed");
            assertThat(nodeClass(browser, landing, LandingApproval.Step.APPROVE_BY_COUNTY_HEAD)).contains("pending");
            // the marking is visible, not just a class: the stylesheet draws the current step in orange, passed ones green
            assertThat(stroke(browser, landing, LandingApproval.Step.REVIEW_BY_DEPUTY_HEAD)).isEqualTo("rgb(194, 65, 12)");
            assertThat(stroke(browser, landing, "Task_RecordTier")).isEqualTo("rgb(79, 127, 99)");
            assertThat(browser.text("#timeline")).contains("催办");
            assertThat(browser.text("#approvals")).contains("尚无落地审批签批");
            browser.screenshot("project-in-approval");
            browser.screenshot("project-in-approval-diagram", landing);
            browser.screenshotAt(390, 844, "project-in-approval-phone");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void projectPage_fromItsLeadToFulfilment_diagramsTimelineOpinionsAndDocuments() throws Exception {
        String company = token + "丁农旅开发有限公司";
        String today = EngineClock.today().toString();
        long leadId = screened(lead(company, "丁花溪民宿"));
        JsonNode meeting = convene();
        record(meeting, Map.of(leadId, valid("park-chengdong", "分管副县长 王强")));
        long projectId = projectOf(leadId);
        String negotiation = projects.findById(projectId).orElseThrow().getNegotiationProcessInstanceId();
        completeOk("deputy", task(negotiation, InspectionNegotiation.Step.NEGOTIATE), Map.of("entry", "INSPECTION",
                "heldOn", today, "place", "花溪村", "participants", "分管副县长、城东工业园区", "summary", "实地踏勘选址地块"));
        Map<String, Object> application = new LinkedHashMap<>(application("SERVICE", null));
        application.put("companyName", company);
        application.put("projectName", "丁花溪民宿");
        application.put("projectId", projectId);
        application.put("jointOpinion", "经实地考察和洽谈，建议同意落地。");
        Response submitted = post("/api/landing-applications", "deputy", application);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String approval = submitted.json().get("processInstanceId").asText();
        completeOk("countyhead", task(approval, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD),
                Map.of("decision", "APPROVE", "opinion", "同意，请尽快签约"));
        completeOk("deputy", task(approval, LandingApproval.Step.APPROVE_BY_DEPUTY_HEAD),
                Map.of("decision", "APPROVE", "opinion", "同意落地"));
        String review = get("/api/projects/" + projectId + "/agreement", "deputy").json().get("processInstanceId").asText();
        String drafts = "/api/projects/" + projectId + "/agreement/drafts";
        byte[] first = AgreementToFulfilmentIT.docx("初稿 " + token);
        assertThat(postFile(drafts, "deputy", Map.of("signingParty", "GOVERNMENT", "note", "初稿"), "file",
                "投资协议（初稿）.docx", first).status()).isEqualTo(201);
        completeOk("justice", task(review, AgreementReview.Step.REVIEW_BY_JUSTICE),
                Map.of("decision", "REVISE", "opinion", "第八条违约责任表述不明确"));
        assertThat(postFile(drafts, "deputy", Map.of("note", "按审查意见修改第八条"), "file", "投资协议（修改稿）.docx",
                AgreementToFulfilmentIT.docx("修改稿 " + token)).status()).isEqualTo(201);
        completeOk("justice", task(review, AgreementReview.Step.REVIEW_BY_JUSTICE),
                Map.of("decision", "PASS", "opinion", "经审查，协议内容合法"));
        // signed eight months ago: registration (1 month) and construction (6 months) are overdue now
        completeOk("deputy", task(review, AgreementReview.Step.SIGN_AGREEMENT), Map.of("contractNumber",
                "磐招协〔" + token + "〕1号", "signedOn", EngineClock.today().minusMonths(8).toString(), "agreedInvestmentWan", 8000));

        try (Browser browser = Browser.open("http://localhost:" + port, "project")) {
            login(browser, "reporter");
            browser.go("/projects/" + projectId);
            assertThat(browser.title()).startsWith(company + " · 项目 #" + projectId);
            assertThat(browser.text("h1")).contains(company, "丁花溪民宿");
            assertThat(browser.text(".status-line")).contains("履约跟踪", "已签约");
            assertThat(browser.text("#warnings")).isEqualTo("预警：2 个履约节点逾期");
            assertThat(browser.text("#facts")).contains("T1", "不需用地", "城东招商组", "城东工业园区", "分管副县长 王强",
                    "线索 #" + leadId);

            // one diagram per process, in the order the project met them; only fulfilment still runs
            List<String> processes = browser.all("article.process").stream().map(a -> a.getAttribute("data-process"))
                    .toList();
            assertThat(processes).containsExactly(LeadScreening.PROCESS_KEY, InspectionNegotiation.PROCESS_KEY,
                    LandingApproval.PROCESS_KEY, AgreementReview.PROCESS_KEY, Fulfilment.PROCESS_KEY);
            String screening = "article[data-process='" + LeadScreening.PROCESS_KEY + "']";
            String fulfilment = "article[data-process='" + Fulfilment.PROCESS_KEY + "']";
            assertThat(browser.text(screening + " h3")).contains("线索甄别", "已结束");
            assertThat(browser.all(screening + " g.bpmn-node.active")).isEmpty();
            assertThat(nodeClass(browser, screening, LeadScreening.Step.CHECK_COMPLETENESS)).contains("completed");
            assertThat(nodeClass(browser, "article[data-process='" + InspectionNegotiation.PROCESS_KEY + "']",
                    InspectionNegotiation.Step.NEGOTIATE)).contains("completed");
            assertThat(browser.text(fulfilment + " h3")).contains("履约跟踪", "进行中");
            assertThat(browser.text(fulfilment + " .current")).as("the next milestone, and the assessment waiting beside it")
                    .startsWith("当前环节：").contains("记录履约节点", "等待履约评估");
            assertThat(nodeClass(browser, fulfilment, Fulfilment.Step.RECORD_MILESTONE)).contains("active");
            assertThat(stroke(browser, fulfilment, Fulfilment.Step.RECORD_MILESTONE)).isEqualTo("rgb(194, 65, 12)");
            for (WebElement box : browser.all(".diagram-wrap")) {
                assertThat(box.getAttribute("tabindex")).as("a wide diagram scrolls by keyboard too").isEqualTo("0");
            }
            browser.screenshot("project");
            browser.screenshot("project-fulfilment-diagram", fulfilment);

            // the timeline reads from the lead to fulfilment
            List<String> events = browser.all("#timeline li strong").stream().map(WebElement::getText).toList();
            assertThat(events).containsSubsequence("线索报送", "书面征询答复", "状态变更", "转办为项目", "考察", "提交落地审批",
                    "确定审批层级", "状态变更", "上传协议草案", "协议审查", "上传协议草案", "协议审查", "状态变更", "制定履约节点");
            browser.screenshot("project-timeline", "#timeline");

            // sign-offs and reviews with their opinions; the consultation
            assertThat(browser.text("#approvals")).contains("县长同意", "同意，请尽快签约", "分管副县长审批", "同意落地");
            assertThat(browser.all("#reviews tbody tr")).hasSize(2);
            assertThat(browser.text("#reviews tbody tr:nth-child(1)")).contains("司法局", "第 1 版", "修改后再审",
                    "第八条违约责任表述不明确");
            assertThat(browser.text("#reviews tbody tr:nth-child(2)")).contains("第 2 版", "通过", "经审查，协议内容合法");
            assertThat(browser.all("#consultations tbody tr")).hasSize(DEPARTMENT_USERS.size());
            browser.screenshot("project-opinions", "#opinions");

            // documents: the agreement, its drafts and the minutes, downloaded through this session
            assertThat(browser.text("#agreement")).contains("已签约", "磐招协〔" + token + "〕1号", "以县政府名义签订");
            assertThat(browser.all("#drafts tbody tr")).hasSize(2);
            Path draft = browser.download("#drafts tr[data-version='1'] a");
            assertThat(draft.getFileName().toString()).isEqualTo("投资协议（初稿）.docx");
            assertThat(Files.readAllBytes(draft)).as("the draft as it was uploaded").isEqualTo(first);
            assertThat(browser.text("#minutes")).startsWith("县招商研判〔").contains("有效线索（转办）");
            Path minutes = browser.download("#minutes a");
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(minutes)));
                    XWPFWordExtractor text = new XWPFWordExtractor(document)) {
                assertThat(text.getText()).contains("线索研判会议纪要", company);
            }
            assertThat(browser.text("#milestone-table")).contains("注册", "已逾期");
            browser.screenshot("project-documents", "#documents");
            browser.screenshotAt(390, 844, "project-phone");

            // a meeting that did not have this lead on its agenda is not part of the file
            Response foreign = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/projects/" + projectId
                    + "/minutes/" + (meeting.get("id").asLong() + 1_000_000))).header("Cookie", browser.sessionCookie())
                    .header("Accept", "text/html").GET().build());
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.body()).contains("该会议纪要不属于本项目");

            // the lead the project came from
            browser.clickAndWait("#facts a[href='/ledger/leads/" + leadId + "']");
            assertThat(browser.path()).isEqualTo("/ledger/leads/" + leadId);
            assertThat(browser.text("h1")).contains(company);
            assertThat(browser.text(".status-line")).contains("考察洽谈", "有效线索，已转办");
            assertThat(browser.all("article.process")).hasSize(1);
            assertThat(browser.text("#consultations")).contains("发展和改革局", "同意");
            assertThat(browser.text("#facts")).contains("转办的项目", "项目 #" + projectId);
            assertThat(browser.has("#approvals")).as("a lead has no landing approval").isFalse();
            browser.screenshot("lead");

            browser.go("/projects/0");
            assertThat(browser.text("h1")).isEqualTo("页面不存在（404）");
            assertThat(browser.text("main")).contains("项目 0 不存在").doesNotContain("Exception");
            browser.assertNoConsoleErrors();
        }
    }

    private static void login(Browser browser, String user) {
        browser.go("/login");
        browser.type("#username", user).type("#password", "demo").clickAndWait("form.stacked button");
        assertThat(browser.path()).isEqualTo("/");
    }

    private static List<String> rows(Browser browser) {
        return browser.all("#ledger tbody tr[data-kind]").stream()
                .map(r -> r.getAttribute("data-kind") + "#" + r.getAttribute("data-id")).toList();
    }

    private static String row(String kindAndId) {
        String[] parts = kindAndId.split("#");
        return "#ledger tr[data-kind='" + parts[0] + "'][data-id='" + parts[1] + "']";
    }

    private static String project(long id) {
        return "PROJECT#" + id;
    }

    private static String lead(long id) {
        return "LEAD#" + id;
    }

    private static String nodeClass(Browser browser, String article, String elementId) {
        return browser.find(article + " g[data-element-id='" + elementId + "']").getAttribute("class");
    }

    private static String stroke(Browser browser, String article, String elementId) {
        return browser.find(article + " g[data-element-id='" + elementId + "'] rect").getCssValue("stroke");
    }

    private static long numeric(Row row, List<String> headers, String header) {
        Cell cell = row.getCell(headers.indexOf(header));
        assertThat(cell.getCellType()).as("%s is a number", header).isEqualTo(CellType.NUMERIC);
        return Math.round(cell.getNumericCellValue());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
