package cn.zhaoshang.governance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.security.AuditAction;
import cn.zhaoshang.security.AuditLog;
import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.Browser;
import cn.zhaoshang.support.BrowserTest;

import static cn.zhaoshang.governance.TestModels.Step.raw;
import static cn.zhaoshang.governance.TestModels.TTL;
import static cn.zhaoshang.governance.TestModels.files;
import static cn.zhaoshang.governance.TestModels.linear;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 流程版本管理 in a real headless Chromium, as the administrator redesigns a (test-only) process: the list of
 * processes, the versions with deployer and instances, the diff of version 2 against 1, the migration page — the
 * generated plan leaves the renamed step unmapped, the preview says which project cannot move and why, a wrong pair
 * added through the form is shown invalid by Camunda's validation, removed, the right pair added — the batch, and the
 * per-instance report; a roll-back after its confirmation page; the dry-run upload listing every problem. An official
 * gets the 403 page and no link. The redesign is RedesignScenarioIT's (same versions); the shipped models stay latest.
 * Screenshots in engine-app/target/screenshots/ (three of them are in docs/images/).
 */
@BrowserTest
class ProcessAdminPageIT extends AppIT {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    AuditLog auditLog;

    @Test
    void administratorMigratesRunningProjectsToTheRedesign() throws Exception {
        String key = TestModels.key("Page");
        assertThat(deploy("改版 v1", files("redesign.bpmn", RedesignScenarioIT.version1(key))).status()).isEqualTo(200);
        ProcessInstance atRegister = runtimeService.startProcessInstanceByKey(key, "P-登记");
        ProcessInstance atReview = runtimeService.startProcessInstanceByKey(key, "P-审核");
        complete(atReview, "Task_Register");
        ProcessInstance atApprove = runtimeService.startProcessInstanceByKey(key, "P-审批");
        complete(atApprove, "Task_Register");
        complete(atApprove, "Task_Review");
        assertThat(deploy("改版 v2：增加合规审查", files("redesign.bpmn", RedesignScenarioIT.version2(key))).status())
                .isEqualTo(200);
        String v1 = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(1)
                .singleResult().getId();
        String v2 = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(2)
                .singleResult().getId();

        try (Browser browser = Browser.open("http://localhost:" + port, "process-admin")) {
            browser.go("/admin/processes");
            assertThat(browser.path()).startsWith("/login");
            browser.type("#username", "admin").type("#password", "demo").clickAndWait("form.stacked button");
            assertThat(browser.path()).startsWith("/admin/processes");
            assertThat(browser.text("h1")).isEqualTo("流程版本管理");
            assertThat(browser.text("header nav a[href='/admin/processes']")).isEqualTo("流程版本");
            assertThat(browser.text("#processes tr[data-key='Process_LandingApproval']")).contains("项目落地审批");
            assertThat(browser.text("#processes tr[data-key='" + key + "']")).contains("项目审批（改版测试）", "第 2 版");
            browser.screenshot("processes");

            // the versions: deployer, time, instances per version
            browser.clickAndWait("#processes tr[data-key='" + key + "'] a");
            assertThat(browser.path()).isEqualTo("/admin/processes/" + key);
            String version2 = browser.text("#versions tr[data-version='2']");
            assertThat(version2).contains("第 2 版", "最新", "admin", "改版 v2：增加合规审查", "Camunda Modeler");
            assertThat(cells(browser, "#versions tr[data-version='2'] td.num")).containsExactly("0", "0");
            assertThat(cells(browser, "#versions tr[data-version='1'] td.num")).containsExactly("3", "0");
            assertThat(browser.has("#versions tr[data-version='2'] .rollback-link")).as("the latest has no roll-back")
                    .isFalse();
            browser.assertEveryFieldLabelled();
            browser.screenshot("versions");

            // the diff of version 2 against 1
            browser.clickAndWait("#versions tr[data-version='2'] .diff-link");
            assertThat(browser.text("h1")).isEqualTo("第 1 版 → 第 2 版改了什么");
            assertThat(browser.has("#added tr[data-id='Task_CheckCompliance']")).isTrue();
            assertThat(browser.has("#added tr[data-id='Task_ReviewByDeputyHead']")).isTrue();
            assertThat(browser.text("#removed tr[data-id='Task_Review']")).contains("分管副县长审核");
            assertThat(browser.text("#changed")).contains("Flow_1");
            browser.screenshot("diff");

            // the migration: the generated plan leaves the renamed step unmapped
            browser.go("/admin/processes/" + key);
            browser.clickAndWait("#migrate-form button");
            assertThat(browser.text("h1")).isEqualTo("迁移运行中的实例：第 1 版 → 第 2 版");
            assertThat(browser.text("#notice")).startsWith("已按相同的环节 id 生成迁移计划");
            assertThat(browser.text("#unmapped")).contains("分管副县长审核（Task_Review）");
            assertThat(browser.has("#instructions tr[data-source='Task_Register'][data-target='Task_Register']")).isTrue();
            assertThat(browser.has("#instructions tr[data-source='Task_Approve'][data-target='Task_Approve']")).isTrue();
            assertThat(browser.has("#instructions tr[data-source='Task_Review']")).isFalse();
            browser.assertEveryFieldLabelled();
            browser.screenshot("plan-generated");

            // the preview: the project at 审核 cannot move, and why
            browser.clickAndWait("#preview-button");
            assertThat(browser.text("#preview-summary")).isEqualTo("可迁移 2 个，无法迁移 1 个。");
            String blocked = browser.text("#preview-instances tr[data-instance='" + atReview.getId() + "']");
            assertThat(blocked).contains("P-审核", "无法迁移", "Task_Review");
            assertThat(browser.text("#preview-instances tr[data-instance='" + atRegister.getId() + "']")).contains("可迁移");
            browser.screenshot("preview-blocked", "#preview");

            // a wrong pair added through the form: Camunda's validation names it
            browser.choose("#add-source", "分管副县长审核（Task_Review）").choose("#add-target", "结束（EndEvent_" + key + "）")
                    .clickAndWait("#add-button");
            assertThat(browser.text("#notice")).startsWith("已添加指令 Task_Review → EndEvent_" + key);
            browser.clickAndWait("#validate-button");
            String wrong = "#instructions tr[data-source='Task_Review'][data-target='EndEvent_" + key + "']";
            assertThat(browser.find(wrong).getAttribute("class")).contains("invalid");
            assertThat(browser.all(wrong + " .failures li")).isNotEmpty();
            assertThat(browser.text("#instructions tr[data-source='Task_Register'] td.check")).isEqualTo("通过");
            assertThat(browser.text("#validation")).contains("迁移计划无效");
            browser.screenshot("plan-invalid", "#instructions");
            // executing an invalid plan is refused, nothing migrated
            browser.clickAndWait("#execute-button");
            assertThat(browser.text("#problem")).startsWith("迁移计划未通过校验，未执行");
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v1).count()).isEqualTo(3);

            // removed, the renamed step mapped, valid, all three migratable
            browser.clickAndWait(wrong + " button[name=remove]");
            assertThat(browser.has(wrong)).isFalse();
            browser.choose("#add-source", "分管副县长审核（Task_Review）")
                    .choose("#add-target", "分管副县长审核（Task_ReviewByDeputyHead）").clickAndWait("#add-button");
            assertThat(browser.has("#unmapped")).isFalse();
            browser.clickAndWait("#validate-button");
            assertThat(browser.text("#validation")).contains("迁移计划有效");
            browser.clickAndWait("#preview-button");
            assertThat(browser.text("#preview-summary")).isEqualTo("可迁移 3 个，无法迁移 0 个。");
            browser.screenshot("preview-all", "#preview");

            // the batch and its report
            browser.clickAndWait("#execute-button");
            assertThat(browser.path()).matches("/admin/processes/" + key + "/migrations/\\d+");
            assertThat(browser.text("h1")).startsWith("迁移报告");
            String report = browser.path();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                browser.go(report);
                assertThat(browser.all("#outcomes tr[data-outcome='MIGRATED']")).hasSize(3);
                assertThat(browser.text("#status")).startsWith("批处理已完成");
            });
            assertThat(browser.text("#outcomes tr[data-instance='" + atReview.getId() + "']")).contains("P-审核", "已迁移");
            assertThat(browser.text("#executed-instructions")).contains("分管副县长审核（Task_ReviewByDeputyHead）");
            browser.screenshot("migration-report");
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v2).count()).isEqualTo(3);
            assertThat(open(atReview).getTaskDefinitionKey()).isEqualTo("Task_ReviewByDeputyHead");
            assertThat(auditLog.search(null, null, "admin", AuditAction.INSTANCES_MIGRATED.name(), 0, 50))
                    .anySatisfy(entry -> assertThat(entry.details()).contains(v1, v2, "Task_ReviewByDeputyHead"));

            browser.go("/admin/processes/" + key);
            assertThat(browser.text("#migrations")).contains("第 1 版 → 第 2 版", "admin", "已迁移 3");
            assertThat(cells(browser, "#versions tr[data-version='2'] td.num")).containsExactly("3", "0");

            // roll back version 1: a confirmation page first, then version 3
            browser.clickAndWait("#versions tr[data-version='1'] .rollback-link");
            assertThat(browser.text("h1")).isEqualTo("确认回滚到第 1 版");
            assertThat(browser.has("#added tr[data-id='Task_Review']")).as("what the roll-back changes").isTrue();
            browser.screenshot("rollback-confirm");
            assertThat(latestVersion(key)).as("nothing before the confirmation").isEqualTo(2);
            browser.clickAndWait("#rollback-form button");
            assertThat(browser.text("#notice")).startsWith("已将第 1 版重新部署为第 3 版");
            assertThat(browser.text("#versions tr[data-version='3']")).contains("最新", "admin", "回滚");
            assertThat(latestVersion(key)).isEqualTo(3);

            // the dry run of an upload with several problems: all listed, nothing deployed
            String checked = TestModels.key("PageCheck");
            Path upload = Files.createTempDirectory("check").resolve("problems.bpmn");
            Files.writeString(upload, linear(checked, "检查示例", "", "", List.of(raw("Task_Bare",
                    "<bpmn:userTask id=\"Task_Bare\" name=\"无表单任务\" camunda:candidateGroups=\"no-such-group\">FLOWS"
                            + "</bpmn:userTask>"))), StandardCharsets.UTF_8);
            browser.go("/admin/processes");
            browser.clickAndWait("a[href='/admin/processes/deployment-check']");
            browser.clickAndWait("#check-form button");
            assertThat(browser.text("#check-files-error")).startsWith("请选择至少一个模型文件");
            browser.find("#check-files").sendKeys(upload.toAbsolutePath().toString());
            browser.clickAndWait("#check-form button");
            assertThat(browser.text("#check-result")).contains("未通过", "正式部署时会被拒绝");
            assertThat(browser.has("#problems tr[data-kind='USER_TASK_WITHOUT_FORM']")).isTrue();
            assertThat(browser.has("#problems tr[data-kind='UNKNOWN_CANDIDATE_GROUP']")).isTrue();
            assertThat(browser.has("#problems tr[data-kind='HISTORY_TTL_MISSING']")).isTrue();
            assertThat(browser.text("#problems")).contains("problems.bpmn", "Task_Bare");
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(checked).count()).isZero();
            browser.screenshot("deployment-check", "#check-result");
            browser.screenshotAt(390, 844, "deployment-check-phone");

            browser.assertNoConsoleErrors();
        }
        // the shipped process is still the latest of its key (untouched by this test)
        assertThat(get("/api/admin/processes", "admin").json().toString()).contains("Process_LandingApproval");
    }

    @Test
    void otherOfficialsGetTheForbiddenPage() throws Exception {
        try (Browser browser = Browser.open("http://localhost:" + port, "process-admin-forbidden")) {
            browser.go("/login");
            browser.type("#username", "reporter").type("#password", "demo").clickAndWait("form.stacked button");
            assertThat(browser.has("header nav a[href='/admin/processes']")).isFalse();
            assertThat(browser.text("main")).doesNotContain("流程版本管理");
            browser.go("/admin/processes");
            assertThat(browser.text("h1")).isEqualTo("无权访问（403）");
            browser.screenshot("forbidden");
            for (String path : List.of("/admin/processes", "/admin/processes/Process_LandingApproval",
                    "/admin/processes/deployment-check")) {
                HttpRequest asThisSession = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Cookie", browser.sessionCookie()).header("Accept", "text/html").GET().build();
                assertThat(send(asThisSession).status()).as(path).isEqualTo(403);
            }
            browser.assertNoConsoleErrors();
        }
    }

    private static List<String> cells(Browser browser, String css) {
        return browser.all(css).stream().map(e -> e.getText().strip()).toList();
    }

    private int latestVersion(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
                .getVersion();
    }

    private Task open(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void complete(ProcessInstance instance, String step) {
        Task task = open(instance);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(step);
        taskService.complete(task.getId());
    }

    /** As Camunda Modeler deploys: multipart to /engine-rest/deployment/create, as admin. */
    private Response deploy(String name, Map<String, byte[]> files) {
        String boundary = "----CamundaModeler" + UUID.randomUUID();
        return send(request("/engine-rest/deployment/create", null).header("Authorization", basic("admin", "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(TestModels.multipart(boundary, Map.of("deployment-name", name, "deployment-source",
                        "Camunda Modeler", "deploy-changed-only", "false"), files)).build());
    }
}
