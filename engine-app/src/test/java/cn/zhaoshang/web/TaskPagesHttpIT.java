package cn.zhaoshang.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.meeting.ResearchMeeting;
import cn.zhaoshang.support.Race;
import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.support.WorkbenchSession;

import static cn.zhaoshang.support.WorkbenchSession.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task pages as a browser's HTTP sees them: the server-rendered form posts what the step's service takes, and
 * the service's refusals come back onto their fields; two officials at once; 转办, 抄送, comments and attachments with
 * who may see what; the research meeting's one-row-per-item list; the first page's time on a list of many tasks.
 */
class TaskPagesHttpIT extends LifecycleIT {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void secondCountyHead() {
        ensureSecondCountyHead();
    }

    /** in company names: a persistent MariaDB keeps earlier runs' projects and tasks */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    /** A T1 project (8 亩, 服务业) waiting for the county head's consent; returns {processInstanceId, taskId, projectId}. */
    private String[] consentTask(String company) {
        Map<String, Object> application = new LinkedHashMap<>(application("SERVICE", 8));
        application.put("companyName", company);
        JsonNode submitted = submit(application);
        String instance = submitted.get("processInstanceId").asText();
        return new String[] {instance, task(instance, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD).getId(),
                submitted.get("projectId").asText()};
    }

    @Test
    void theFormPostsWhatTheServiceTakes_andItsRefusalsComeBackOnTheFields() {
        String[] consent = consentTask("表单测试企业有限公司" + RUN);
        String taskId = consent[1];
        WorkbenchSession countyhead = WorkbenchSession.login(port, "countyhead");
        assertThat(countyhead.get("/tasks/group?project=表单测试企业有限公司" + RUN).body())
                .contains("data-task=\"" + taskId + "\"");

        HttpResponse<String> page = countyhead.get("/tasks/" + taskId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"表单测试企业有限公司" + RUN + "\"", "id=\"decide-approve\"", "id=\"decide-reject\"",
                "id=\"decide-return\"", "/js/task-form.js");

        HttpResponse<String> forged = countyhead.postWithoutToken("/tasks/" + taskId + "/complete",
                Map.of("decision", "APPROVE"));
        assertThat(forged.statusCode()).as("no CSRF token, no completion").isEqualTo(403);
        assertThat(openTask(consent[0]).getId()).isEqualTo(taskId);

        HttpResponse<String> rejected = countyhead.post("/tasks/" + taskId + "/complete",
                Map.of("decision", "REJECT", "opinion", " "));
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body()).contains("id=\"f-opinion-error\"", "驳回必须填写意见", "未提交：请按提示改正后再提交。")
                .doesNotContain("Exception", "/ An opinion");
        assertThat(openTask(consent[0]).getId()).as("nothing completed").isEqualTo(taskId);

        HttpResponse<String> noDecision = countyhead.post("/tasks/" + taskId + "/complete", Map.of("opinion", "同意"));
        assertThat(noDecision.statusCode()).isEqualTo(400);
        assertThat(noDecision.body()).contains("id=\"decision-error\"", "请选择审批结论", ">同意</textarea>");

        HttpResponse<String> approved = countyhead.post("/tasks/" + taskId + "/complete",
                Map.of("decision", "APPROVE", "opinion", "同意落地，请分管副县长审批。", "companyName", "篡改"));
        assertThat(approved.headers().firstValue("Location").orElse("")).endsWith("/tasks");
        assertThat(text(countyhead.follow(approved).body())).contains("已办结「县长同意」（表单测试企业有限公司" + RUN + " · 测试项目）");
        assertThat(jdbc.queryForMap("SELECT decision, opinion, user_id FROM approval_record WHERE task_id = ?", taskId))
                .containsEntry("DECISION", "APPROVE").containsEntry("OPINION", "同意落地，请分管副县长审批。")
                .containsEntry("USER_ID", "countyhead");
        assertThat(task(consent[0], LandingApproval.Step.APPROVE_BY_DEPUTY_HEAD)).isNotNull();

        String done = countyhead.get("/tasks/done?project=表单测试企业有限公司" + RUN).body();
        assertThat(done).contains("data-task=\"" + taskId + "\"");
        assertThat(text(done)).contains("县长同意", "同意 同意落地，请分管副县长审批。");
        String completed = countyhead.get("/tasks/" + taskId).body();
        assertThat(text(completed)).contains("该任务已由 countyhead", "审批结论 同意", "审批意见 同意落地，请分管副县长审批。")
                .doesNotContain("decide-approve");
    }

    @Test
    void twoOfficialsAtOnce_oneSignOff_theOtherIsToldInChinese() throws Exception {
        WorkbenchSession first = WorkbenchSession.login(port, "countyhead");
        WorkbenchSession second = WorkbenchSession.login(port, "countyhead2");
        for (int round = 0; round < 5; round++) {
            String[] consent = consentTask("并发测试企业" + round + RUN);
            String taskId = consent[1];
            first.get("/tasks/" + taskId);
            second.get("/tasks/" + taskId);
            List<HttpResponse<String>> answers = Race.run(
                    () -> first.post("/tasks/" + taskId + "/complete", Map.of("decision", "APPROVE", "opinion", "甲")),
                    () -> second.post("/tasks/" + taskId + "/complete", Map.of("decision", "APPROVE", "opinion", "乙")));
            assertThat(answers).extracting(r -> r.headers().firstValue("Location").orElse(""))
                    .as("one to the list (done), one back to the task: %s", answers.stream()
                            .map(r -> r.statusCode() + " " + text(r.body())).toList())
                    .anyMatch(l -> l.endsWith("/tasks"))
                    .anyMatch(l -> l.endsWith("/tasks/" + taskId));
            HttpResponse<String> loser = answers.stream()
                    .filter(r -> r.headers().firstValue("Location").orElse("").endsWith(taskId)).findFirst().orElseThrow();
            WorkbenchSession loserSession = answers.get(0) == loser ? first : second;
            String told = text(loserSession.follow(loser).body());
            assertThat(told).containsAnyOf("该任务已由", "该任务刚被他人", "该任务已办结", "已被").contains("未提交")
                    .doesNotContain("Exception", "500");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM approval_record WHERE task_id = ?", Long.class, taskId))
                    .isEqualTo(1L);
        }
    }

    @Test
    void transferCopyCommentAndAttach_andWhoMaySeeWhat() {
        String[] consent = consentTask("转办测试企业有限公司" + RUN);
        String taskId = consent[1];
        long projectId = Long.parseLong(consent[2]);
        WorkbenchSession countyhead = WorkbenchSession.login(port, "countyhead");
        HttpResponse<String> claimed = countyhead.post("/tasks/" + taskId + "/claim", Map.of());
        assertThat(text(countyhead.follow(claimed).body())).contains("已认领，该任务现在由您办理。");

        HttpResponse<String> toNobody = countyhead.post("/tasks/" + taskId + "/transfer", Map.of("assignee", "drc"));
        assertThat(toNobody.statusCode()).isEqualTo(400);
        assertThat(toNobody.body()).contains("id=\"transfer-assignee-error\"", "只能转办给本环节办理组的成员");
        HttpResponse<String> transferred = countyhead.post("/tasks/" + taskId + "/transfer",
                Map.of("assignee", "countyhead2", "reason", "本人出差，请代为审批"));
        assertThat(text(countyhead.follow(transferred).body())).contains("已将任务转办给 countyhead2");
        assertThat(openTask(consent[0]).getAssignee()).isEqualTo("countyhead2");
        assertThat(jdbc.queryForList("SELECT note FROM ledger_event WHERE project_id = ? AND event_type = 'TASK_TRANSFERRED'",
                String.class, projectId)).singleElement().asString()
                .contains("县长同意", "countyhead", "转办给 县长（代）（countyhead2）：本人出差，请代为审批");
        String nowOthers = countyhead.get("/tasks/" + taskId).body();
        assertThat(text(nowOthers)).contains("该任务正由 countyhead2 办理，您只能查看。");
        assertThat(nowOthers).doesNotContain("id=\"decide-approve\"", "id=\"comment-form\"");

        WorkbenchSession deputy2 = WorkbenchSession.login(port, "countyhead2");
        assertThat(deputy2.get("/tasks?project=转办测试企业有限公司" + RUN).body()).contains("data-task=\"" + taskId + "\"");
        HttpResponse<String> emptyComment = deputy2.post("/tasks/" + taskId + "/comments", Map.of("message", ""));
        assertThat(emptyComment.statusCode()).isEqualTo(400);
        assertThat(emptyComment.body()).contains("意见不能为空");
        assertThat(text(deputy2.follow(deputy2.post("/tasks/" + taskId + "/comments", Map.of("message", "已阅，明日审批。")))
                .body())).contains("已添加意见。");
        byte[] png = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 64);
        HttpResponse<String> uploaded = deputy2.upload("/tasks/" + taskId + "/attachments", "file", "现场照片.png", png);
        assertThat(text(deputy2.follow(uploaded).body())).contains("已上传附件：现场照片.png", "县长（代）（countyhead2） 上传，64 B");
        HttpResponse<String> renamed = deputy2.upload("/tasks/" + taskId + "/attachments", "file", "合同.pdf",
                "MZ\u0090 not a pdf".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(renamed.statusCode()).isEqualTo(400);
        assertThat(renamed.body()).contains("id=\"attachment-file-error\"", "附件只能是 Word");
        HttpResponse<String> copied = deputy2.post("/tasks/" + taskId + "/copies",
                Map.of("recipients", List.of("drc", "countyhead2"), "note", "请发改局知悉"));
        assertThat(text(deputy2.follow(copied).body())).contains("已抄送给 drc", "已抄送： drc （未读）");
        String attachmentLink = firstMatch(deputy2.get("/tasks/" + taskId).body(), "href=\"(/tasks/" + taskId
                + "/attachments/[^\"]+)\"");

        WorkbenchSession drc = WorkbenchSession.login(port, "drc");
        String copies = drc.get("/tasks/copies").body();
        assertThat(copies).contains("data-task=\"" + taskId + "\"", "未读");
        long unread = jdbc.queryForObject("SELECT COUNT(*) FROM task_copy WHERE recipient = 'drc' AND read_at IS NULL",
                Long.class);
        assertThat(text(drc.get("/tasks").body())).as("the tab counts the unread copies").contains("抄送我的 " + unread);
        String readOnly = drc.get("/tasks/" + taskId).body();
        assertThat(text(readOnly)).contains("已阅，明日审批。", "转办给 县长（代）（countyhead2）", "现场照片.png",
                "确定审批层级");
        assertThat(readOnly).doesNotContain("id=\"decide-approve\"", "id=\"comment-form\"", "id=\"attachment-form\"");
        HttpResponse<byte[]> download = drc.download(attachmentLink);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        assertThat(drc.get("/tasks/copies").body()).contains("已读");
        HttpResponse<String> drcWrites = drc.post("/tasks/" + taskId + "/comments", Map.of("message", "抄送人想写"));
        assertThat(drcWrites.statusCode()).as("a copy is read only").isIn(302, 403);
        assertThat(text(drc.get("/tasks/" + taskId).body())).doesNotContain("抄送人想写");

        WorkbenchSession env = WorkbenchSession.login(port, "env");
        HttpResponse<String> forbidden = env.get("/tasks/" + taskId);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("无权查看该任务").doesNotContain("现场照片");
        assertThat(env.download(attachmentLink).statusCode()).isEqualTo(403);
        assertThat(env.get("/tasks/no-such-task").statusCode()).isEqualTo(404);
    }

    @Test
    void theResearchMeetingRecordsOneRowPerAgendaItem() {
        // names of their own: a persistent MariaDB keeps earlier runs' leads, which would make these duplicates
        String run = Long.toString(System.currentTimeMillis(), 36);
        long kept = screened(lead("会议测试企业甲" + run, "会议测试项目甲"));
        long dropped = screened(lead("会议测试企业乙" + run, "会议测试项目乙"));
        JsonNode meeting = convene();
        String taskId = task(meeting.get("processInstanceId").asText(), ResearchMeeting.Step.RECORD_MEETING).getId();
        WorkbenchSession center = WorkbenchSession.login(port, "center");
        String page = center.get("/tasks/" + taskId).body();
        assertThat(page).contains("会议测试企业甲" + run, "会议测试企业乙" + run, "data-row=\"itemDecisions[0]\"");

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("heldOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        form.put("attendees", "分管副县长（主持）、投资促进中心");
        List<Long> agenda = new ArrayList<>();
        meeting.get("agenda").forEach(row -> agenda.add(row.get("leadId").asLong()));
        for (int i = 0; i < agenda.size(); i++) {
            String row = "itemDecisions[" + i + "].";
            if (agenda.get(i) == kept) {
                form.put(row + "decision", "VALID");
                form.put(row + "responsibleUnit", "park-chengdong");
                form.put(row + "taskForceLeader", "分管副县长 李明");
            } else {
                form.put(row + "decision", "INVALID");
                form.put(row + "reason", agenda.get(i) == dropped ? "" : "与本测试无关");
                form.put(row + "responsibleUnit", "不该提交的隐藏字段");
            }
        }
        HttpResponse<String> refused = center.post("/tasks/" + taskId + "/complete", form);
        assertThat(refused.statusCode()).as("the meeting listener wants a reason for INVALID").isEqualTo(400);
        assertThat(text(refused.body())).contains("线索 #" + dropped, "须说明理由");
        form.put("itemDecisions[" + agenda.indexOf(dropped) + "].reason", "不符合产业政策");
        HttpResponse<String> recorded = center.post("/tasks/" + taskId + "/complete", form);
        assertThat(recorded.headers().firstValue("Location").orElse("")).as(recorded.body()).endsWith("/tasks");
        assertThat(status(kept)).isEqualTo("VALID");
        assertThat(status(dropped)).isEqualTo("INVALID");
    }

    @Test
    void firstPageOfAListOfManyTasks_serverTimePrinted() {
        for (int i = 0; i < 30; i++) {
            consentTask("计时测试企业" + i + RUN);
        }
        WorkbenchSession countyhead = WorkbenchSession.login(port, "countyhead");
        List<Double> roundTrips = new ArrayList<>();
        List<String> serverTimings = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < 12; i++) {
            long started = System.nanoTime();
            HttpResponse<String> page = countyhead.get("/tasks/group");
            double millis = (System.nanoTime() - started) / 1_000_000.0;
            assertThat(page.statusCode()).isEqualTo(200);
            rows = page.body().split("data-task=\"", -1).length - 1;
            if (i >= 2) { // the first two warm up the JIT and the caches
                roundTrips.add(millis);
                serverTimings.add(page.headers().firstValue("Server-Timing").orElse(""));
            }
        }
        assertThat(rows).as("a full first page").isGreaterThanOrEqualTo(30);
        List<Double> sorted = roundTrips.stream().sorted().toList();
        System.out.printf("TIMING first page of 待认领 (%d rows, %d tasks in the group): median %.1f ms, max %.1f ms "
                + "(request to last byte on localhost); Server-Timing of the queries: %s%n", rows,
                taskService.createTaskQuery().taskCandidateGroup("county-head").count(), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), serverTimings.get(serverTimings.size() / 2));
    }

    private static String firstMatch(String html, String regex) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as("%s in the page", regex).isTrue();
        return matcher.group(1);
    }
}
