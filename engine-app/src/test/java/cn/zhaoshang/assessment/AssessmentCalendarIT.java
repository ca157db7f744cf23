package cn.zhaoshang.assessment;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.fulfilment.Fulfilment;
import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.target.Targets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assessment calendar on real ledger data, through REST, with the real beans and the engine's timers: the center
 * decomposes a year's targets to three units, the county head returns the plan and then approves it; projects are
 * driven through landing approval, legal review, signing, construction start and funds in place; progress and the
 * projects behind each figure come from the ledger (a project counts for its reporting unit and its carrier). On
 * 30 June the unit under 1/2 — and only it — gets an interview for the deputy county head; on 30 September the unit
 * under 3/4 is ordered out with a report due 5 October, the deadline passes (lateness recorded) and the head reports late.
 * The monthly notice and the annual report are DOCX files read back with POI. The clock is moved for the test only.
 */
class AssessmentCalendarIT extends LifecycleIT {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void targetsApproved_progressFromTheLedger_juneInterview_septemberOfficeOut_lateReport_documents() throws Exception {
        Job juneCheck = startTimer(Assessment.MID_YEAR_INTERVIEW);
        int year = juneCheck.getDuedate().toInstant().atZone(BEIJING).getYear();
        String sfx = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String a = "tgt-a-" + sfx;
        String b = "tgt-b-" + sfx;
        String c = "tgt-c-" + sfx;
        String nameC = "考核测试园区" + sfx;
        unit(a, "考核测试甲镇" + sfx, "TOWN");
        unit(b, "考核测试乙镇" + sfx, "TOWN");
        unit(c, nameC, "PARK");
        String headB = "tgthead" + sfx;
        ensureUser(headB, "乙镇主要负责人", "unit-head");
        assertThat(put("/api/units/" + b + "/members/" + headB, "admin", null).status()).isEqualTo(204);
        String staffA = "tgtstaff" + sfx;
        ensureUser(staffA, "甲镇工作人员", "reporter");
        assertThat(put("/api/units/" + a + "/members/" + staffA, "admin", null).status()).isEqualTo(204);

        // 目标任务分解: drafted by the center, returned by the county head with an opinion, revised, approved
        at(year, 3, 2, 9, 0);
        List<Map<String, Object>> items = new ArrayList<>(List.of(item(null, "SIGNED_PROJECTS", 6),
                item(a, "SIGNED_PROJECTS", 2), item(b, "SIGNED_PROJECTS", 3), item(c, "SIGNED_PROJECTS", 1),
                item(a, "FUNDS_IN_PLACE", 100)));
        Response submitted = post("/api/targets/plans", "center", Map.of("year", year, "kind", "DECOMPOSITION",
                "items", items));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        long planId = submitted.json().get("plan").get("id").asLong();
        String planProcess = submitted.json().get("plan").get("processInstanceId").asText();
        assertThat(post("/api/targets/plans", "center", Map.of("year", year, "kind", "DECOMPOSITION", "items", items))
                .status()).as("one open plan a year").isEqualTo(409);
        Task approve = task(planProcess, Targets.Step.APPROVE);
        assertThat(complete("countyhead", approve, Map.of("decision", "RETURN")).status()).as("needs the opinion")
                .isEqualTo(400);
        completeOk("countyhead", approve, Map.of("decision", "RETURN", "opinion", "乙镇目标偏低，请上调"));
        items.set(2, item(b, "SIGNED_PROJECTS", 4));
        Response revised = put("/api/targets/plans/" + planId, "center", Map.of("items", items));
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        completeOk("center", task(planProcess, Targets.Step.REVISE), Map.of("decision", "RESUBMIT"));
        assertThat(runtimeService.getVariable(planProcess, Targets.Var.PLAN_SUMMARY)).asString()
                .contains("考核测试乙镇" + sfx + "：新引进签约项目 4");
        completeOk("countyhead", task(planProcess, Targets.Step.APPROVE), Map.of("decision", "APPROVE", "opinion", "同意"));
        JsonNode inEffect = get("/api/targets?year=" + year, "center").json();
        assertThat(target(inEffect, b, "SIGNED_PROJECTS")).isEqualTo(4);
        assertThat(target(inEffect, "", "SIGNED_PROJECTS")).isEqualTo(6);
        JsonNode changes = get("/api/targets/changes?year=" + year, "center").json();
        assertThat(changes.findValuesAsText("unitCode")).contains(a, b, c);
        assertThat(changes.get(0).get("approvedBy").asText()).isEqualTo("countyhead");
        assertThat(changes.get(0).get("requestedBy").asText()).isEqualTo("center");
        assertThat(get("/api/targets?year=" + year, staffA).json().findValuesAsText("unitCode")).as("a unit's own")
                .containsOnly(a, "");

        // the ledger: P1 reported by A, hosted by C; P2 reported by A; P3 reported by B
        at(year, 3, 10, 9, 0);
        long p1 = signedProject(a, nameC, "考核测试𠮷祥制造有限公司" + sfx, 80000);
        long p2 = signedProject(a, "磐安工业园区", "考核测试二号有限公司" + sfx, 6000);
        long p3 = signedProject(b, "磐安工业园区", "考核测试三号有限公司" + sfx, 12000);
        at(year, 4, 15, 10, 0);
        startConstruction(p1);
        Response funds = post("/api/projects/" + p1 + "/funds-in-place", "center", Map.of("amountWan", 30.5,
                "inPlaceOn", year + "-04-15", "evidence", "银行进账单（工商银行磐安支行）"));
        assertThat(funds.status()).as(funds.body()).isEqualTo(201);
        assertThat(post("/api/projects/" + p1 + "/funds-in-place", "center", Map.of("amountWan", 10,
                "inPlaceOn", year + "-12-01", "evidence", "x")).json().get("errors").findValuesAsText("field"))
                .containsExactly("inPlaceOn");
        assertThat(post("/api/projects/" + p1 + "/funds-in-place", "carrier", Map.of("amountWan", 10,
                "inPlaceOn", year + "-04-15", "evidence", "x")).status()).as("not this project's carrier").isEqualTo(403);

        // progress from the ledger, traceable to the projects
        JsonNode progress = get("/api/progress?year=" + year + "&asOf=" + year + "-06-29&metric=SIGNED_PROJECTS",
                "center").json();
        assertThat(actual(progress, a)).isEqualTo(2);
        assertThat(actual(progress, b)).isEqualTo(1);
        assertThat(actual(progress, c)).as("P1 counts for its carrier too").isEqualTo(1);
        JsonNode drill = get("/api/progress/projects?year=" + year + "&asOf=" + year + "-06-29&metric=SIGNED_PROJECTS&unit="
                + a, "center").json();
        assertThat(drill.get("projects").findValuesAsText("projectId")).containsExactlyInAnyOrder(String.valueOf(p1),
                String.valueOf(p2));
        assertThat(actual(get("/api/progress?year=" + year + "&asOf=" + year + "-06-29&metric=STARTED_PROJECTS",
                "center").json(), a)).isEqualTo(1);
        assertThat(get("/api/progress?year=" + year + "&metric=FUNDS_IN_PLACE&asOf=" + year + "-06-29", "center").json()
                .findValues("unitCode").stream().anyMatch(n -> n.asText().equals(a))).isTrue();
        assertThat(actual(get("/api/progress?year=" + year + "&asOf=" + year + "-06-29&metric=FUNDS_IN_PLACE",
                "center").json(), a)).isEqualTo(30.5);
        assertThat(get("/api/progress/projects?year=" + year + "&metric=SIGNED_PROJECTS&unit=" + b, staffA).status())
                .as("another unit's projects").isEqualTo(403);
        assertThat(get("/api/progress/ranking?year=" + year + "&asOf=" + year + "-06-29", staffA).json()
                .findValuesAsText("unitCode")).as("the ranking is for every unit").contains(a, b, c);

        // 30 June: just before the boundary nothing; just after, an interview for exactly the unit under 1/2 (B: 1 of 4)
        Date june = juneCheck.getDuedate();
        ClockUtil.setCurrentTime(new Date(june.getTime() - 1000));
        assertThat(managementService.createJobQuery().processDefinitionKey(Assessment.MID_YEAR_INTERVIEW).executable()
                .count()).isZero();
        assertThat(instancesOf(Assessment.MID_YEAR_INTERVIEW, june)).isZero();
        ClockUtil.setCurrentTime(new Date(june.getTime() + 1000));
        fire(juneCheck);
        String interviews = awaitInstance(Assessment.MID_YEAR_INTERVIEW, june);
        List<Task> interviewTasks = taskService.createTaskQuery().processInstanceId(interviews)
                .taskDefinitionKey(Assessment.Step.INTERVIEW).list();
        assertThat(interviewTasks.stream().map(t -> (String) taskService.getVariable(t.getId(), "unitCode")).toList())
                .containsExactly(b);
        Task interview = interviewTasks.get(0);
        assertThat(taskService.getVariable(interview.getId(), "progressSummary")).asString().contains("1/2");
        assertThat(complete("deputy", interview, Map.of("heldOn", year + "-06-30")).status()).isEqualTo(400);
        completeOk("deputy", interview, Map.of("heldOn", year + "-06-30", "participants", "分管副县长、乙镇党委书记、镇长",
                "record", "乙镇签约项目进度滞后，主要原因是在谈项目转化慢。", "measures", "7月底前签约2个项目"));
        JsonNode actions = get("/api/assessment/actions?year=" + year, "center").json();
        JsonNode interviewB = action(actions, b, "INTERVIEW");
        assertThat(interviewB.get("status").asText()).isEqualTo("DONE");
        assertThat(interviewB.get("doneBy").asText()).isEqualTo("deputy");
        assertThat(action(actions, a, "INTERVIEW")).isNull();

        // one more for B in July: 2 of 4, under 3/4 on 30 September → 离岗招商, report due 5 October
        at(year, 7, 15, 10, 0);
        signedProject(b, "磐安工业园区", "考核测试四号有限公司" + sfx, 9000);
        Job septemberCheck = startTimer(Assessment.OFFICE_OUT_ORDER);
        Date september = septemberCheck.getDuedate();
        ClockUtil.setCurrentTime(new Date(september.getTime() - 1000));
        assertThat(managementService.createJobQuery().processDefinitionKey(Assessment.OFFICE_OUT_ORDER).executable()
                .count()).isZero();
        ClockUtil.setCurrentTime(new Date(september.getTime() + 1000));
        fire(septemberCheck);
        String orders = awaitInstance(Assessment.OFFICE_OUT_ORDER, september);
        List<Task> reports = taskService.createTaskQuery().processInstanceId(orders)
                .taskDefinitionKey(Assessment.Step.REPORT_OFFICE_OUT).list();
        assertThat(reports.stream().map(t -> (String) taskService.getVariable(t.getId(), "unitCode")).toList())
                .containsExactly(b);
        Task report = reports.get(0);
        Date due = Date.from(LocalDateTime.of(year, 10, 5, 23, 59, 59).atZone(BEIJING).toInstant());
        assertThat(report.getDueDate()).isEqualTo(due);
        assertThat(taskService.getIdentityLinksForTask(report.getId()).stream().map(IdentityLink::getUserId).toList())
                .contains(headB);

        // the deadline passes: lateness recorded, the report still owed; the head reports late
        ClockUtil.setCurrentTime(new Date(due.getTime() + 2000));
        fire(managementService.createJobQuery().processInstanceId(orders).timers().singleResult());
        awaitTrue(() -> action(get("/api/assessment/actions?year=" + year, "center").json(), b, "OFFICE_OUT")
                .hasNonNull("overdueRecordedAt"));
        completeOk(headB, task(orders, Assessment.Step.REPORT_OFFICE_OUT), Map.of("departedOn", year + "-10-06",
                "destination", "上海市、苏州市（对接长三角装备制造企业）", "record", "10月6日起带队赴长三角招商，拜访企业12家。"));
        JsonNode officeOut = action(get("/api/assessment/actions?year=" + year, headB).json(), b, "OFFICE_OUT");
        assertThat(officeOut.get("status").asText()).isEqualTo("DONE");
        assertThat(officeOut.get("late").asBoolean()).isTrue();
        assertThat(officeOut.get("doneBy").asText()).isEqualTo(headB);

        // 月通报 of September, readable and downloadable by any unit
        at(year, 10, 8, 9, 0);
        Response notice = post("/api/assessment/notices", "center", Map.of("period", year + "-09"));
        assertThat(notice.status()).as(notice.body()).isEqualTo(201);
        long noticeId = notice.json().get("id").asLong();
        assertThat(get("/api/assessment/notices", staffA).json().findValuesAsText("id")).contains(String.valueOf(noticeId));
        String text = docxText("/api/assessment/documents/" + noticeId, staffA);
        assertThat(text).contains(year + "年9月全县招商引资工作通报", "排行榜", "考核测试乙镇" + sfx, "驻外招商机构");

        // 年终考核: B did not complete its target and reported late → 一票否优
        at(year + 1, 1, 12, 9, 0);
        Response annual = post("/api/assessment/annual-reports", "center", Map.of("year", year));
        assertThat(annual.status()).as(annual.body()).isEqualTo(201);
        JsonNode reportB = null;
        for (JsonNode r : get("/api/assessment/annual-reports?year=" + year, "center").json()) {
            if (r.get("unitCode").asText().equals(b)) {
                reportB = r;
            }
        }
        assertThat(reportB).isNotNull();
        assertThat(reportB.get("verdict").asText()).isEqualTo("NOT_EXCELLENT");
        assertThat(docxText("/api/assessment/documents/" + reportB.get("id").asLong(), headB)).contains("一票否优",
                "未完成年度目标", "离岗招商情况未在规定时间内报送");
        assertThat(get("/api/assessment/documents/" + reportB.get("id").asLong(), staffA).status())
                .as("another unit's report").isEqualTo(404);
    }

    /**
     * 季调度 (tongcheng §26): at its timer the county head gets the last quarter's figures as a task; his instructions
     * are recorded with them, once, and read back by the county's leaders only.
     */
    @Test
    void quarterlyDispatch_theCountyHeadsInstructionsAreRecordedWithTheQuarter() throws Exception {
        Job timer = startTimer(Assessment.QUARTERLY_DISPATCH);
        Date due = timer.getDuedate();
        LocalDate dueDay = due.toInstant().atZone(BEIJING).toLocalDate();
        assertThat(dueDay.getDayOfMonth()).isEqualTo(5);
        assertThat(dueDay.getMonthValue() % 3).isEqualTo(1);
        ClockUtil.setCurrentTime(new Date(due.getTime() - 1000));
        assertThat(managementService.createJobQuery().processDefinitionKey(Assessment.QUARTERLY_DISPATCH).executable()
                .count()).isZero();
        ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
        fire(timer);
        String dispatch = awaitInstance(Assessment.QUARTERLY_DISPATCH, due);
        Task task = task(dispatch, Assessment.Step.DISPATCH_QUARTER);
        LocalDate lastQuarter = dueDay.minusMonths(3);
        String label = lastQuarter.getYear() + " 年第 " + ((lastQuarter.getMonthValue() - 1) / 3 + 1) + " 季度";
        assertThat(taskService.getVariable(task.getId(), Assessment.Var.QUARTER_LABEL)).isEqualTo(label);
        assertThat((String) taskService.getVariable(task.getId(), Assessment.Var.QUARTER_SUMMARY)).isNotBlank();
        long dispatchId = ((Number) taskService.getVariable(task.getId(), Assessment.Var.DISPATCH_ID)).longValue();

        Response empty = complete("countyhead", task, Map.of("instructions", " "));
        assertThat(empty.status()).as("instructions are required").isEqualTo(400);
        String instructions = "各乡镇对照季度目标倒排工期，园区加快供地，下季度重点推进亿元以上项目签约。";
        completeOk("countyhead", task, Map.of("instructions", instructions));
        JsonNode recorded = null;
        for (JsonNode d : get("/api/assessment/dispatches", "countyhead").json()) {
            if (d.get("id").asLong() == dispatchId) {
                recorded = d;
            }
        }
        assertThat(recorded).isNotNull();
        assertThat(recorded.get("instructions").asText()).isEqualTo(instructions);
        assertThat(recorded.get("dispatchedBy").asText()).isEqualTo("countyhead");
        assertThat(get("/api/assessment/dispatches", "reporter").status()).as("a unit's staff").isEqualTo(403);
    }

    // ------------------------------------------------------------------ helpers

    private void unit(String code, String name, String kind) {
        Response r = put("/api/units/" + code, "admin", Map.of("name", name, "kind", kind));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static Map<String, Object> item(String unit, String metric, Number value) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("unitCode", unit);
        item.put("metricCode", metric);
        item.put("targetValue", value);
        return item;
    }

    private static double target(JsonNode targets, String unit, String metric) {
        for (JsonNode t : targets) {
            if (t.get("unitCode").asText().equals(unit) && t.get("metricCode").asText().equals(metric)) {
                return t.get("targetValue").asDouble();
            }
        }
        throw new AssertionError("no target " + unit + "/" + metric + " in " + targets);
    }

    private static double actual(JsonNode figures, String unit) {
        for (JsonNode f : figures) {
            if (f.get("unitCode").asText().equals(unit)) {
                return f.get("actual").asDouble();
            }
        }
        return 0;
    }

    private static JsonNode action(JsonNode actions, String unit, String kind) {
        for (JsonNode x : actions) {
            if (x.get("unitCode").asText().equals(unit) && x.get("kind").asText().equals(kind)) {
                return x;
            }
        }
        return null;
    }

    /** Landing approval (T1, no land), legal review and signing today, with the carrier named. */
    private long signedProject(String reportingUnit, String carrierUnit, String company, int investmentWan) throws Exception {
        Map<String, Object> application = new LinkedHashMap<>(application("INDUSTRIAL", null));
        application.put("companyName", company);
        application.put("projectName", "考核测试项目");
        application.put("totalInvestmentWan", investmentWan);
        application.put("carrierUnit", carrierUnit);
        application.put("projectId", negotiatingProject(reportingUnit, company, "考核测试项目"));
        application.put("jointOpinion", "建议同意落地");
        Response submitted = post("/api/landing-applications", "deputy", application);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String approval = submitted.json().get("processInstanceId").asText();
        completeOk("countyhead", task(approval, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD), Map.of("decision", "APPROVE"));
        completeOk("deputy", task(approval, LandingApproval.Step.APPROVE_BY_DEPUTY_HEAD), Map.of("decision", "APPROVE"));
        return sign(submitted.json().get("projectId").asLong(), investmentWan);
    }

    /** The carrier records 注册 and 开工 (a project without land has no 供地). */
    private void startConstruction(long projectId) {
        String fulfilment = runtimeService.createProcessInstanceQuery().processDefinitionKey(Fulfilment.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(projectId)).singleResult().getId();
        completeOk("carrier", task(fulfilment, Fulfilment.Step.RECORD_MILESTONE), Map.of("reachedOn", today().toString(),
                "evidence", "营业执照"));
        assertThat(runtimeService.getVariable(fulfilment, Fulfilment.Var.NEXT_MILESTONE)).isEqualTo("CONSTRUCTION_STARTED");
        completeOk("carrier", task(fulfilment, Fulfilment.Step.RECORD_MILESTONE), Map.of("reachedOn", today().toString(),
                "evidence", "施工许可证"));
    }

    private Job startTimer(String processKey) {
        return managementService.createJobQuery().processDefinitionKey(processKey).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    }

    /** Runs a due timer now; the app's own job executor may have been faster, which is the same outcome. */
    private void fire(Job job) {
        try {
            managementService.executeJob(job.getId());
        } catch (ProcessEngineException e) {
            // taken by the job executor in the meantime
        }
    }

    private long instancesOf(String processKey, Date after) {
        return historyService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey).startedAfter(
                new Date(after.getTime() - 1)).count();
    }

    private String awaitInstance(String processKey, Date after) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            var found = historyService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                    .startedAfter(new Date(after.getTime() - 1)).list();
            if (!found.isEmpty()) {
                return found.get(0).getId();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no instance of " + processKey);
    }

    private void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met in 30 s");
            }
            Thread.sleep(100);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.HistoryService history;

    private org.camunda.bpm.engine.HistoryService historyService() {
        return history;
    }

    private static void at(int year, int month, int day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(BEIJING).toInstant()));
    }

    private static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(BEIJING).toLocalDate();
    }
}
