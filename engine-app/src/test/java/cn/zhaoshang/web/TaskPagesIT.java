package cn.zhaoshang.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.negotiation.InspectionNegotiation;
import cn.zhaoshang.support.Browser;
import cn.zhaoshang.support.BrowserTest;
import cn.zhaoshang.support.LifecycleIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task pages in a real headless Chromium, as officials use them: log in, claim a group task, comment, attach a
 * file, try 驳回 without an opinion (refused next to the field, in Chinese), approve with an opinion, find it under 已办
 * and see the project's ledger change; fields appear and disappear with the choices (and the browser's evaluator agrees
 * with the server's on every condition of the forms); 转办 and 抄送; a colleague who was faster; a locked account.
 * Screenshots of every page are in engine-app/target/screenshots/.
 */
@BrowserTest
class TaskPagesIT extends LifecycleIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngineConfiguration engineConfiguration;

    @BeforeEach
    void secondCountyHead() {
        ensureUser("countyhead2", "县长（代）", "county-head");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static void login(Browser browser, String user) {
        browser.type("#username", user).type("#password", "demo").clickAndWait("form.stacked button");
    }

    /** in company names: a persistent MariaDB keeps earlier runs' projects and tasks */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    /** A T1 project waiting for the county head's consent: {processInstanceId, taskId, projectId}. */
    private String[] consentTask(String company) {
        Map<String, Object> application = new LinkedHashMap<>(application("SERVICE", 8));
        application.put("companyName", company);
        JsonNode submitted = submit(application);
        String instance = submitted.get("processInstanceId").asText();
        return new String[] {instance, task(instance, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD).getId(),
                submitted.get("projectId").asText()};
    }

    @Test
    void anOfficialClaimsApprovesAndFindsItUnderDone_theLedgerChanges() throws IOException {
        String company = "浏览器审批测试有限公司" + RUN;
        String[] consent = consentTask(company);
        completeOk("countyhead", task(consent[0], LandingApproval.Step.CONSENT_BY_COUNTY_HEAD),
                Map.of("decision", "APPROVE", "opinion", "同意"));
        String taskId = task(consent[0], LandingApproval.Step.APPROVE_BY_DEPUTY_HEAD).getId();
        long projectId = Long.parseLong(consent[2]);

        try (Browser browser = Browser.open(base(), "tasks-approve")) {
            browser.go("/tasks");
            assertThat(browser.path()).startsWith("/login");
            login(browser, "deputy");
            assertThat(browser.path()).as("back to the page asked for").startsWith("/tasks");
            assertThat(browser.text("h1")).isEqualTo("待办事项");
            assertThat(browser.find("#tab-mine").getAttribute("aria-current")).isEqualTo("page");
            browser.screenshot("my-tasks");

            browser.clickAndWait("#tab-group");
            browser.type("#filter-project", company).clickAndWait("#filter button");
            assertThat(browser.path()).startsWith("/tasks/group?").contains("project=");
            String row = "#tasks tr[data-task='" + taskId + "']";
            assertThat(browser.all("#tasks tr[data-task]")).as("only the task filtered for").hasSize(1);
            assertThat(browser.text(row)).contains("分管副县长审批", "招商引资项目落地审批", company, "城东招商组", "还剩");
            browser.assertEveryFieldLabelled();
            browser.screenshot("group-tasks");
            browser.screenshotAt(390, 844, "group-tasks-phone");

            browser.clickAndWait(row + " form button");
            assertThat(browser.path()).isEqualTo("/tasks/" + taskId);
            assertThat(browser.text("#notice")).isEqualTo("已认领，该任务现在由您办理。");
            assertThat(browser.text("#task-assignee")).isEqualTo("deputy");
            assertThat(browser.find("#f-companyName").getAttribute("value")).isEqualTo(company);
            assertThat(browser.find("#f-companyName").getAttribute("readonly")).isNotNull();
            assertThat(browser.text("#history")).contains("提交落地审批", "确定审批层级", "审批层级：T1");
            browser.assertEveryFieldLabelled();
            browser.screenshot("task");

            browser.type("#comment-message", "已核对用地指标。").clickAndWait("#comment-form button");
            assertThat(browser.text("#comments")).contains("分管副县长（deputy）", "已核对用地指标。");
            Path pdf = Files.createTempFile("approval-basis", ".pdf");
            Files.writeString(Path.of(pdf.toString()), "%PDF-1.4\n% 审批依据\n", StandardCharsets.UTF_8);
            Path named = Files.move(pdf, pdf.resolveSibling("审批依据-" + taskId.substring(0, 8) + ".pdf"));
            browser.find("#attachment-file").sendKeys(named.toAbsolutePath().toString());
            browser.clickAndWait("#attachment-form button");
            assertThat(browser.text("#attachments")).contains(named.getFileName().toString(), "上传");
            Files.delete(named);

            // 驳回 without an opinion: the service refuses, the page says so next to the opinion
            browser.find("#f-opinion").clear();
            browser.clickAndWait("#decide-reject");
            assertThat(browser.text("#f-opinion-error")).isEqualTo("驳回必须填写意见");
            assertThat(browser.text("#problem")).isEqualTo("未提交：请按提示改正后再提交。");
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("focus on the field to correct")
                    .isEqualTo("f-opinion");
            assertThat(browser.find("#f-opinion").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(task(consent[0], LandingApproval.Step.APPROVE_BY_DEPUTY_HEAD).getId()).as("still open")
                    .isEqualTo(taskId);
            browser.screenshot("reject-without-opinion", "#task-form");

            browser.type("#f-opinion", "同意落地，请抓紧办理供地手续。").clickAndWait("#decide-approve");
            assertThat(browser.path()).isEqualTo("/tasks");
            assertThat(browser.text("#notice")).startsWith("已办结「分管副县长审批」（" + company);
            assertThat(browser.has("#tasks tr[data-task='" + taskId + "']")).isFalse();
            browser.screenshot("approved");

            browser.clickAndWait("#tab-done");
            String done = "#done tr[data-task='" + taskId + "']";
            assertThat(browser.text(done)).contains("分管副县长审批", company, "同意", "同意落地，请抓紧办理供地手续。",
                    "分管副县长（deputy）：已核对用地指标。");
            browser.screenshot("done");

            browser.clickAndWait(done + " a");
            assertThat(browser.text("#completed")).startsWith("该任务已由 deputy 于");
            assertThat(browser.text("#results")).contains("审批结论", "同意", "同意落地，请抓紧办理供地手续。");
            assertThat(browser.text("#history")).as("the ledger: approved").contains("审批中 → 已批准落地");
            assertThat(browser.has("#decide-approve")).isFalse();
            browser.screenshot("done-task");
            browser.screenshot("done-task-ledger", "#history li:last-child");
            List<String> reached = new ArrayList<>();
            get("/api/projects/" + projectId, "deputy").json().get("ledger")
                    .forEach(event -> reached.add(event.path("toStatus").asText()));
            assertThat(reached).as("the project's ledger through the API").contains("APPROVED");

            browser.go("/tasks/" + taskId);
            browser.screenshotAt(390, 844, "task-phone");
            browser.go("/tasks/done");
            browser.screenshotAt(390, 844, "done-phone");

            // keyboard: the first Tab reaches the skip link, which leads to the main content
            browser.go("/tasks");
            browser.find("body").sendKeys(Keys.TAB);
            assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("跳到主要内容");
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void fieldsFollowTheChoices_andTheBrowserEvaluatesConditionsLikeTheServer() {
        long projectId = negotiatingProject("条件字段测试有限公司", "条件字段测试项目");
        String instance = projects.findById(projectId).orElseThrow().getNegotiationProcessInstanceId();
        String taskId = task(instance, InspectionNegotiation.Step.NEGOTIATE).getId();

        try (Browser browser = Browser.open(base(), "tasks-conditions")) {
            browser.go("/login");
            login(browser, "deputy");
            browser.go("/tasks/" + taskId);
            assertThat(browser.text("h1")).isEqualTo("考察洽谈");
            assertThat(visible(browser, "heldOn")).as("nothing chosen: no visit fields").isFalse();
            assertThat(visible(browser, "projectCategory")).isFalse();
            browser.screenshot("negotiation-empty");

            choose(browser, "entry", "JOINT_OPINION");
            assertThat(visible(browser, "projectCategory")).isTrue();
            assertThat(visible(browser, "opinion")).isTrue();
            assertThat(visible(browser, "heldOn")).isFalse();
            assertThat(visible(browser, "landAreaMu")).as("no land asked for yet").isFalse();
            browser.find("#f-landRequired").click();
            assertThat(visible(browser, "landAreaMu")).isTrue();
            assertThat(browser.find("#f-landAreaMu").isEnabled()).isTrue();
            browser.screenshot("negotiation-joint-opinion", "#task-form");

            choose(browser, "entry", "INSPECTION");
            assertThat(visible(browser, "heldOn")).isTrue();
            assertThat(visible(browser, "projectCategory")).isFalse();
            assertThat(browser.find("#f-projectCategory").isEnabled()).as("a hidden field is not submitted").isFalse();

            // every hide condition of every form, with every kind of value: the script decides as the server does
            List<FeelCases.Case> cases = FeelCases.cases();
            List<Map<String, Object>> table = new ArrayList<>();
            cases.forEach(c -> table.add(Map.of("expression", c.expression(), "context", c.context())));
            @SuppressWarnings("unchecked")
            List<Object> fromBrowser = (List<Object>) browser.driver().executeScript(
                    "return arguments[0].map(c => window.zhaoshangFeel.evaluate(c.expression, c.context));", table);
            for (int i = 0; i < cases.size(); i++) {
                Object server = FeelSubset.evaluate(cases.get(i).expression(), cases.get(i).context());
                assertThat(fromBrowser.get(i)).as("%s with %s", cases.get(i).expression(), cases.get(i).context())
                        .isEqualTo(server);
            }

            browser.driver().executeScript("arguments[0].value = '2026-11-20';", browser.find("#f-heldOn"));
            browser.type("#f-place", "上海张江").type("#f-participants", "分管副县长 李明、投资促进中心")
                    .type("#f-summary", "考察企业总部及生产基地，企业有意扩产。");
            browser.clickAndWait("#submit-task");
            assertThat(browser.text("#notice")).startsWith("已办结「考察洽谈」");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_event WHERE project_id = ? AND event_type = ?",
                    Long.class, projectId, "INSPECTION_RECORDED")).isEqualTo(1L);
            assertThat(task(instance, InspectionNegotiation.Step.NEGOTIATE).getId()).as("the next round waits")
                    .isNotEqualTo(taskId);
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void transferAndCopy_andAColleagueWhoWasFaster() {
        String[] transferred = consentTask("转办抄送浏览器测试有限公司" + RUN);
        String[] raced = consentTask("先后办理浏览器测试有限公司" + RUN);
        try (Browser countyhead = Browser.open(base(), "tasks-transfer");
             Browser deputy = Browser.open(base(), "tasks-transfer-colleague");
             Browser drc = Browser.open(base(), "tasks-copy-reader")) {
            countyhead.go("/login");
            login(countyhead, "countyhead");
            countyhead.go("/tasks/" + transferred[1]);
            countyhead.clickAndWait("#claim-form button");
            countyhead.choose("#transfer-assignee", "县长（代）（countyhead2）").type("#transfer-reason", "本人出差，请代为审批");
            countyhead.screenshot("transfer-form", "#transfer-form");
            countyhead.clickAndWait("#transfer-form button");
            assertThat(countyhead.text("#notice")).startsWith("已将任务转办给 countyhead2");

            deputy.go("/login");
            login(deputy, "countyhead2");
            deputy.go("/tasks?project=" + "转办抄送浏览器测试有限公司" + RUN);
            assertThat(deputy.text("#tasks tr[data-task='" + transferred[1] + "']")).contains("县长同意");
            deputy.clickAndWait("#tasks tr[data-task='" + transferred[1] + "'] a");
            assertThat(deputy.text("#comments")).contains("转办给 县长（代）（countyhead2）：本人出差，请代为审批");
            assertThat(deputy.text("#history")).contains("转办");
            for (WebElement box : deputy.all("#copy-form input[type=checkbox]")) {
                if ("drc".equals(box.getAttribute("value"))) {
                    box.click();
                }
            }
            deputy.type("#copy-note", "请发改局知悉").clickAndWait("#copy-form button");
            assertThat(deputy.text("#notice")).startsWith("已抄送给 drc");
            deputy.screenshot("copied", "#copies");

            drc.go("/login");
            login(drc, "drc");
            drc.go("/tasks/copies");
            assertThat(drc.text("#copies tr[data-task='" + transferred[1] + "']")).contains("县长同意", "countyhead2",
                    "请发改局知悉", "未读");
            drc.screenshot("copies-to-me");
            drc.clickAndWait("#copies tr[data-task='" + transferred[1] + "'] a");
            assertThat(drc.text("#holder")).isEqualTo("该任务正由 countyhead2 办理，您只能查看。");
            assertThat(drc.has("#decide-approve")).isFalse();
            assertThat(drc.find("#f-opinion").getAttribute("readonly")).isNotNull();
            drc.screenshot("copy-read-only");

            // both county heads have the same group task open; the first approves, the second is told in Chinese
            countyhead.go("/tasks/" + raced[1]);
            deputy.go("/tasks/" + raced[1]);
            countyhead.type("#f-opinion", "同意").clickAndWait("#decide-approve");
            assertThat(countyhead.text("#notice")).startsWith("已办结");
            deputy.type("#f-opinion", "同意").clickAndWait("#decide-approve");
            assertThat(deputy.path()).isEqualTo("/tasks/" + raced[1]);
            assertThat(deputy.text("#problem")).startsWith("未提交：在您提交之前，该任务已由 countyhead 于").endsWith("办结。");
            assertThat(deputy.text("main")).doesNotContain("Exception");
            deputy.screenshot("someone-was-faster");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM approval_record WHERE task_id = ?", Long.class, raced[1]))
                    .isEqualTo(1L);
            countyhead.assertNoConsoleErrors();
            deputy.assertNoConsoleErrors();
            drc.assertNoConsoleErrors();
        }
    }

    @Test
    void aLockedAccountIsToldSo_notAWrongPassword() {
        String locked = "locked" + System.nanoTime() % 1_000_000;
        String waiting = "waiting" + System.nanoTime() % 1_000_000;
        ensureUser(locked, "锁定测试", "reporter");
        ensureUser(waiting, "等待测试", "reporter");
        int max = ((ProcessEngineConfigurationImpl) engineConfiguration).getLoginMaxAttempts();
        setLock(locked, max - 1, null); // four wrong passwords before: the next wrong one locks the account
        setLock(waiting, 1, new Date(ClockUtil.getCurrentTime().getTime() + 60_000));

        try (Browser browser = Browser.open(base(), "login-locked")) {
            browser.go("/login");
            browser.type("#username", locked).type("#password", "wrong-password").clickAndWait("form.stacked button");
            assertThat(browser.path()).isEqualTo("/login?locked");
            assertThat(browser.text("#login-error")).startsWith("该账号因连续多次输错密码已被锁定").contains("请联系系统管理员解锁");
            browser.screenshot("locked");
            login(browser, locked);
            assertThat(browser.path()).as("the right password does not open a locked account").isEqualTo("/login?locked");

            login(browser, waiting);
            assertThat(browser.path()).startsWith("/login?wait=");
            assertThat(browser.text("#login-error")).startsWith("该账号刚输错过密码").contains("秒后再登录");
            browser.screenshot("wait");

            browser.type("#username", "nobody-" + locked).type("#password", "x").clickAndWait("form.stacked button");
            assertThat(browser.text("#login-error")).as("an unknown user is a wrong password, not a locked account")
                    .startsWith("用户名或密码错误");

            identityService.unlockUser(locked);
            login(browser, locked);
            assertThat(browser.path()).isEqualTo("/");
            browser.assertNoConsoleErrors();
        }
    }

    private static boolean visible(Browser browser, String key) {
        return browser.find("#task-form [data-key='" + key + "']").isDisplayed();
    }

    private static void choose(Browser browser, String key, String value) {
        browser.find("#task-form [data-key='" + key + "'] input[value='" + value + "']").click();
    }

    /** The engine's own record of failed logins, as if they had happened (the real delays would take minutes). */
    private void setLock(String userId, int attempts, Date until) {
        ((ProcessEngineConfigurationImpl) engineConfiguration).getCommandExecutorTxRequired().execute(context -> {
            UserEntity user = context.getDbEntityManager().selectById(UserEntity.class, userId);
            context.getIdentityInfoManager().updateUserLock(user, attempts, until);
            return null;
        });
    }
}
