package cn.zhaoshang.lead;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.zhaoshang.meeting.ResearchMeeting;
import cn.zhaoshang.negotiation.InspectionNegotiation;
import cn.zhaoshang.support.LifecycleIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other paths of the front half through the domain REST API: bad reports, duplicates, MORE_INFO, withdrawal,
 * empty and ad-hoc meetings, the not-landed end, the explicit split and the audited attribution correction.
 */
class LeadScreeningIT extends LifecycleIT {

    static Stream<Arguments> invalidReports() {
        return Stream.of(
                Arguments.of("no company", with("companyName", " "), "companyName"),
                Arguments.of("unknown industry", with("industry", "MINING"), "industry"),
                Arguments.of("negative investment", with("totalInvestmentWan", -5), "totalInvestmentWan"),
                Arguments.of("foreign capital without country", with("foreignCapitalUsdWan", 800), "sourceCountry"),
                Arguments.of("area without land", with("landRequired", false), "landAreaMu"),
                Arguments.of("bad phone", with("contactPhone", "打电话"), "contactPhone"),
                Arguments.of("unknown unit", with("reportingUnit", "no-such-unit"), "reportingUnit"),
                Arguments.of("someone else's unit", with("reportingUnit", "office-shanghai"), "reportingUnit"),
                Arguments.of("unknown field", with("budget", 1), "budget"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReports")
    void invalidReport_is400WithTheField_andNothingIsStored(String name, Map<String, Object> body, String field) {
        long leadsBefore = leads.count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();
        Response response = post("/api/leads", "reporter", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
        assertThat(leads.count()).isEqualTo(leadsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void onlyReportersAndTheCenterReport() {
        assertThat(post("/api/leads", "deputy", lead("某公司", "某项目")).status()).isIn(400, 403);
        assertThat(post("/api/leads", null, lead("某公司", "某项目")).status()).isEqualTo(401);
    }

    @Test
    void duplicateOfAnEarlierLead_isFlagged_andMergedIntoIt() {
        long first = report(lead("杭州云栖康养产业有限公司", "云栖康养综合体"));
        checkComplete(first);
        long second = report(lead("杭州云栖康养产业 有限责任公司", "云栖康养综合体项目"));
        checkComplete(second);
        String process = processOf(second);
        assertThat(runtimeService.getVariable(process, LeadScreening.Var.DUPLICATE_OF_LEAD_ID)).isEqualTo(first);
        completeOk("center", task(process, LeadScreening.Step.DECIDE_DUPLICATE),
                Map.of("decision", "MERGE", "opinion", "同一项目，由在先线索跟进"));
        Lead merged = leads.findById(second).orElseThrow();
        assertThat(merged.getStatus()).isEqualTo(LeadStatus.MERGED);
        assertThat(merged.getMergedIntoLeadId()).isEqualTo(first);
        assertThat(leadDetail(first).get("ledger").findValuesAsText("eventType")).contains("DUPLICATE_MERGED");
        // a different project of the same company is not a duplicate
        long third = report(lead("杭州云栖康养产业有限公司", "冷链物流配送中心"));
        checkComplete(third);
        assertThat(status(third)).isEqualTo("IN_CONSULTATION");
    }

    @Test
    void keptSeparate_goesOnToConsultation() {
        long first = report(lead("浙江森禾种业股份有限公司", "高山蔬菜种苗基地"));
        checkComplete(first);
        long second = report(lead("浙江森禾种业有限公司", "高山蔬菜种苗基地二期"));
        checkComplete(second);
        completeOk("center", task(processOf(second), LeadScreening.Step.DECIDE_DUPLICATE),
                Map.of("decision", "KEEP_SEPARATE", "opinion", "二期为独立项目"));
        assertThat(status(second)).isEqualTo("IN_CONSULTATION");
    }

    @Test
    void meetingAsksForMoreInfo_reporterSupplements_andTheLeadIsScreenedAgain() {
        long leadId = screened(lead("宁波甬江智能装备有限公司", "智能装备零部件生产线"));
        record(convene(), Map.of(leadId, Map.of("decision", "MORE_INFO", "reason", "请补充投资方近三年财务报表")));
        assertThat(status(leadId)).isEqualTo("MORE_INFO");
        String process = processOf(leadId);
        assertThat(runtimeService.getVariable(process, LeadScreening.Var.RETURN_REASON).toString())
                .contains("近三年财务报表");
        Map<String, Object> revised = lead("宁波甬江智能装备有限公司", "智能装备零部件生产线");
        revised.put("totalInvestmentWan", 9000);
        completeOk("reporter", task(process, LeadScreening.Step.SUPPLEMENT_LEAD),
                Map.of("decision", "RESUBMIT", "lead", revised));
        assertThat(status(leadId)).isEqualTo("REPORTED");
        checkComplete(leadId);
        answerAll(leadId, DEPARTMENT_USERS);
        assertThat(status(leadId)).isEqualTo("AWAITING_MEETING");
        JsonNode detail = leadDetail(leadId);
        assertThat(detail.get("revisions")).hasSize(2);
        assertThat(detail.get("consultationRound").asInt()).isEqualTo(2);
        assertThat(detail.get("consultations")).hasSize(10);
        record(convene(), Map.of(leadId, Map.of("decision", "INVALID", "reason", "投资强度不足")));
        assertThat(status(leadId)).isEqualTo("INVALID");
        assertThat(leads.findById(leadId).orElseThrow().getDecisionReason()).isEqualTo("投资强度不足");
    }

    @Test
    void leadWithdrawnWhileOnTheAgenda_dropsOff_andOnlyTheReporterOrCenterMayWithdraw() {
        long stays = screened(lead("丽水山耕农业发展有限公司", "山耕农产品集配中心"));
        long withdrawn = screened(lead("金华八咏文旅有限公司", "八咏古街改造项目"));
        JsonNode meeting = convene();
        assertThat(meeting.get("agenda").findValuesAsText("leadId"))
                .contains(String.valueOf(stays), String.valueOf(withdrawn));

        assertThat(post("/api/leads/" + withdrawn + "/withdraw", "carrier", Map.of("reason", "不是我的")).status())
                .isEqualTo(403);
        assertThat(post("/api/leads/" + withdrawn + "/withdraw", "reporter", Map.of("reason", "企业改投他处")).status())
                .isEqualTo(204);
        assertThat(status(withdrawn)).isEqualTo("WITHDRAWN");
        assertThat(post("/api/leads/" + withdrawn + "/withdraw", "reporter", Map.of()).status()).isEqualTo(409);

        JsonNode agenda = get("/api/meetings/" + meeting.get("id").asLong(), "center").json().get("agenda");
        assertThat(agenda.findValuesAsText("leadId")).doesNotContain(String.valueOf(withdrawn));
        record(get("/api/meetings/" + meeting.get("id").asLong(), "center").json(),
                Map.of(stays, Map.of("decision", "INVALID", "reason", "不符合产业导向")));
        assertThat(status(stays)).isEqualTo("INVALID");
        assertThat(status(withdrawn)).isEqualTo("WITHDRAWN");
    }

    @Test
    void meetingRecord_needsADecisionPerItem_andTheDetailsEachDecisionNeeds() {
        long leadId = screened(lead("温州瓯越鞋业有限公司", "智能制鞋车间"));
        JsonNode meeting = convene();
        var task = task(meeting.get("processInstanceId").asText(), ResearchMeeting.Step.RECORD_MEETING);
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Response missing = complete("center", task, Map.of("heldOn", today, "attendees", "张三", "itemDecisions", List.of()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("线索 #" + leadId);
        Response noUnit = complete("center", task, Map.of("heldOn", today, "attendees", "张三",
                "itemDecisions", List.of(Map.of("leadId", leadId, "decision", "VALID"))));
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.body()).contains("责任单位").contains("专班组长");
        Response future = complete("center", task, Map.of("heldOn", "2999-01-01", "attendees", "张三",
                "itemDecisions", List.of(Map.of("leadId", leadId, "decision", "INVALID", "reason", "无"))));
        assertThat(future.status()).isEqualTo(400);
        assertThat(status(leadId)).as("nothing decided by a refused record").isEqualTo("ON_AGENDA");
        record(meeting, Map.of(leadId, Map.of("decision", "INVALID", "reason", "产能过剩行业")));
    }

    @Test
    void emptyAgenda_closesTheMeetingWithoutATask() {
        // whatever an earlier test left waiting is decided first
        JsonNode first = convene();
        if (first.get("agenda").size() > 0) {
            record(first, Map.of());
        }
        JsonNode empty = convene();
        assertThat(empty.get("agenda")).isEmpty();
        assertThat(empty.get("status").asText()).isEqualTo("CLOSED_EMPTY");
        assertThat(taskService.createTaskQuery().processInstanceId(empty.get("processInstanceId").asText()).count())
                .isZero();
        assertThat(post("/api/meetings", "reporter", Map.of("reason", "想开会")).status()).isEqualTo(403);
    }

    @Test
    void majorProject_asksForAnAdHocMeetingAtOnce() {
        Map<String, Object> major = lead("上海宝联新能源科技有限公司", "年产10GW光伏组件项目");
        major.put("industry", "NEW_ENERGY");
        major.put("projectCategory", "INDUSTRIAL");
        major.put("totalInvestmentWan", 250000);
        major.put("landAreaMu", 300);
        long leadId = report(major);
        checkComplete(leadId);
        answerAll(leadId, DEPARTMENT_USERS);
        // panan-2022 §二.3 如遇重大项目随时进行研判: no waiting for the month
        Lead lead = leads.findById(leadId).orElseThrow();
        assertThat(lead.isMajorProject()).isTrue();
        assertThat(lead.getMajorReason()).contains("2亿");
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.ON_AGENDA);
        JsonNode meeting = get("/api/meetings/" + lead.getMeetingId(), "center").json();
        assertThat(meeting.get("kind").asText()).isEqualTo("AD_HOC");
        assertThat(meeting.get("triggerLeadId").asLong()).isEqualTo(leadId);
        assertThat(meeting.get("requestReason").asText()).contains("重大项目");
        record(meeting, Map.of(leadId, valid("park-chengdong", "县长 张华")));
        assertThat(status(leadId)).isEqualTo("VALID");
    }

    @Test
    void validLead_notLanded_endsTheProject() {
        long leadId = screened(lead("衢州礼贤茶业有限公司", "礼贤茶文化体验园"));
        record(convene(), Map.of(leadId, valid("street-anwen", "分管副县长 王强")));
        long projectId = projectOf(leadId);
        String negotiation = get("/api/projects/" + projectId, "center").json().get("negotiationProcessInstanceId").asText();
        var negotiate = task(negotiation, InspectionNegotiation.Step.NEGOTIATE);
        assertThat(complete("deputy", negotiate, Map.of("entry", "NOT_LANDED")).status()).as("needs the reason")
                .isEqualTo(400);
        completeOk("deputy", negotiate, Map.of("entry", "NOT_LANDED", "opinion", "企业决定投资外省"));
        JsonNode project = get("/api/projects/" + projectId, "center").json();
        assertThat(project.get("status").asText()).isEqualTo("NOT_LANDED");
        assertThat(post("/api/landing-applications", "deputy", Map.of("projectId", projectId, "jointOpinion", "x",
                "companyName", "a", "projectName", "b", "projectCategory", "SERVICE", "totalInvestmentWan", 1,
                "landRequired", false, "carrierUnit", "c")).status()).isEqualTo(409);
    }

    @Test
    void split_isExplicitAndRecorded_andAttributionChangesOnlyByAnAdministrator() {
        long leadId = screened(lead("台州椒江医药化工有限公司", "原料药及制剂一体化项目"));
        record(convene(), Map.of(leadId, valid("park-chengdong", "分管副县长 李明")));
        long projectId = projectOf(leadId);

        Map<String, Object> split = Map.of("projectName", "制剂车间（二期）", "reason", "企业分两个主体分期投资");
        assertThat(post("/api/projects/" + projectId + "/split", "reporter", split).status()).isEqualTo(403);
        Response created = post("/api/projects/" + projectId + "/split", "center", split);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long splitId = created.json().get("projectId").asLong();
        JsonNode splitProject = get("/api/projects/" + splitId, "center").json();
        assertThat(splitProject.get("leadId").asLong()).isEqualTo(leadId);
        assertThat(splitProject.get("splitFromProjectId").asLong()).isEqualTo(projectId);
        assertThat(get("/api/projects/" + projectId, "center").json().get("ledger").findValuesAsText("eventType"))
                .contains("PROJECT_SPLIT");

        Map<String, Object> correction = Map.of("reportingUnit", "office-shanghai", "reason", "线索实为驻沪分局首报");
        assertThat(put("/api/leads/" + leadId + "/attribution", "center", correction).status()).isEqualTo(403);
        assertThat(put("/api/leads/" + leadId + "/attribution", "admin", Map.of("reportingUnit", "office-shanghai"))
                .status()).isEqualTo(400);
        assertThat(put("/api/leads/" + leadId + "/attribution", "admin", correction).status()).isEqualTo(204);
        assertThat(get("/api/projects/" + splitId, "center").json().get("reportingUnit").asText())
                .isEqualTo("office-shanghai");
        assertThat(leadDetail(leadId).get("ledger").findValuesAsText("eventType")).contains("ATTRIBUTION_CORRECTED");
    }

    @Test
    void funnel_refusesAnInvertedPeriodAndUnknownUnits() {
        assertThat(get("/api/funnel?from=2026-02-01&to=2026-01-01", "center").status()).isEqualTo(400);
        assertThat(get("/api/funnel?unit=nowhere", "center").status()).isEqualTo(400);
        assertThat(get("/api/funnel?from=yesterday", "center").status()).isEqualTo(400);
        assertThat(get("/api/funnel", "center").status()).isEqualTo(200);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = lead("测试企业有限公司", "测试项目");
        body.put(field, value);
        return body;
    }
}
