package cn.zhaoshang.lead;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.negotiation.InspectionNegotiation;
import cn.zhaoshang.support.LifecycleIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One lead from report to an approved landing application, through the domain REST API as each person would:
 * reported → returned incomplete → resubmitted → consulted (one department late, after a reminder) → research
 * meeting VALID → minutes → inspection and negotiation → joint review opinion → T1 approval → approved; and the
 * project traces back to the lead and the unit that reported it.
 */
class LeadToLandingIT extends LifecycleIT {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void leadReported_returned_resubmitted_consulted_meetingValid_negotiated_jointOpinion_approved() throws Exception {
        // 报送: a reporter of 城东招商组 reports a lead with a 4-byte character in the company name
        Map<String, Object> report = lead("磐安县𠮷祥农旅开发有限公司", "花溪民宿综合体");
        report.put("landAreaMu", null);
        report.put("landRequired", true);
        assertThat(post("/api/leads", "reporter", report).status()).as("area missing").isEqualTo(400);
        report.put("landAreaMu", 12);
        long leadId = report(report);
        String process = processOf(leadId);

        // 完整性审核: the center returns it; the reporter supplements it (a second version) and resubmits
        JsonNode check = find(get("/api/tasks?scope=group", "center").json(), process);
        assertThat(check.get("stepId").asText()).isEqualTo(LeadScreening.Step.CHECK_COMPLETENESS);
        assertThat(check.get("leadId").asLong()).isEqualTo(leadId);
        assertThat(check.get("companyName").asText()).isEqualTo("磐安县𠮷祥农旅开发有限公司");
        assertThat(post("/api/tasks/" + check.get("id").asText() + "/complete", "center",
                Map.of("decision", "INCOMPLETE")).status()).as("INCOMPLETE needs the reason").isEqualTo(400);
        completeOk("center", task(process, LeadScreening.Step.CHECK_COMPLETENESS),
                Map.of("decision", "INCOMPLETE", "opinion", "请补充用地选址意向"));
        assertThat(status(leadId)).isEqualTo("RETURNED");
        JsonNode supplement = find(get("/api/tasks?scope=mine", "reporter").json(), process);
        assertThat(supplement.get("stepId").asText()).isEqualTo(LeadScreening.Step.SUPPLEMENT_LEAD);
        Map<String, Object> revised = lead("磐安县𠮷祥农旅开发有限公司", "花溪民宿综合体（尖山镇花溪村选址）");
        revised.put("landAreaMu", 15);
        completeOk("reporter", task(process, LeadScreening.Step.SUPPLEMENT_LEAD),
                Map.of("decision", "RESUBMIT", "opinion", "已补充选址", "lead", revised));
        checkComplete(leadId);
        assertThat(status(leadId)).isEqualTo("IN_CONSULTATION");

        // 书面征询: four departments answer in time; the carrier is reminded, then answers late
        answerAll(leadId, List.of("drc", "env", "emergency", "nr"));
        Job reminder = managementService.createJobQuery().processInstanceId(process).timers().singleResult();
        managementService.executeJob(reminder.getId());
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(6))));
        answer(leadId, "carrier", "AGREE_WITH_CONDITIONS", "须落实污水纳管");
        // the clock stays six days on, so the rest of the story happens after the late answer
        assertThat(status(leadId)).isEqualTo("AWAITING_MEETING");
        JsonNode consultations = leadDetail(leadId).get("consultations");
        assertThat(consultations).hasSize(5);
        List<String> reminded = new ArrayList<>();
        consultations.forEach(c -> {
            if (c.hasNonNull("remindedAt")) {
                reminded.add(c.get("departmentGroup").asText());
            }
        });
        assertThat(reminded).containsExactly("carrier");

        // 线索研判会议: convened by the center, the lead on its agenda, VALID → transferred to 尖山镇
        JsonNode meeting = convene();
        assertThat(meeting.get("agenda").findValuesAsText("leadId")).contains(String.valueOf(leadId));
        record(meeting, Map.of(leadId, valid("town-jianshan", "分管副县长 李明")));
        assertThat(status(leadId)).isEqualTo("VALID");
        long meetingId = meeting.get("id").asLong();
        JsonNode held = get("/api/meetings/" + meetingId, "center").json();
        assertThat(held.get("status").asText()).isEqualTo("HELD");
        assertThat(held.get("minutesNumber").asText()).startsWith("县招商研判〔");

        // 会议纪要: a DOCX a person can print, with the decision in it
        HttpResponse<byte[]> minutes = HTTP_BYTES.send(request("/api/meetings/" + meetingId + "/minutes", "center")
                .header("Accept", "*/*").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(minutes.statusCode()).isEqualTo(200);
        assertThat(minutes.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(minutes.body()));
                XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("线索研判会议纪要").contains("磐安县𠮷祥农旅开发有限公司")
                    .contains("有效线索").contains("转办至尖山镇");
        }

        // 考察洽谈: the task force records an inspection and a negotiation round
        long projectId = projectOf(leadId);
        JsonNode project = get("/api/projects/" + projectId, "center").json();
        assertThat(project.get("status").asText()).isEqualTo("NEGOTIATING");
        assertThat(project.get("leadId").asLong()).isEqualTo(leadId);
        assertThat(project.get("reportingUnit").asText()).isEqualTo("group-chengdong");
        assertThat(project.get("responsibleUnit").asText()).isEqualTo("town-jianshan");
        String negotiation = project.get("negotiationProcessInstanceId").asText();
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        completeOk("deputy", task(negotiation, InspectionNegotiation.Step.NEGOTIATE), Map.of("entry", "INSPECTION",
                "heldOn", today, "place", "花溪村", "participants", "分管副县长、尖山镇", "summary", "实地踏勘选址地块"));
        completeOk("deputy", task(negotiation, InspectionNegotiation.Step.NEGOTIATE), Map.of("entry", "NEGOTIATION",
                "heldOn", today, "summary", "就用地指标和扶持政策达成一致"));

        // 签署考察联审意见 → 落地审批 T1: county head consents, deputy head approves
        Map<String, Object> application = new LinkedHashMap<>(application("SERVICE", 15));
        application.put("companyName", "磐安县𠮷祥农旅开发有限公司");
        application.put("projectName", "花溪民宿综合体");
        application.put("carrierUnit", "尖山镇");
        application.put("projectId", projectId);
        application.put("jointOpinion", "经实地考察和洽谈，建议同意落地。");
        Response submitted = post("/api/landing-applications", "deputy", application);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().get("tier").asText()).isEqualTo("T1");
        String approval = submitted.json().get("processInstanceId").asText();
        completeOk("countyhead", task(approval, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD),
                Map.of("decision", "APPROVE", "opinion", "同意"));
        completeOk("deputy", task(approval, LandingApproval.Step.APPROVE_BY_DEPUTY_HEAD),
                Map.of("decision", "APPROVE", "opinion", "同意落地"));

        // the project is approved and traces to its lead, the lead's history shows every stage
        project = get("/api/projects/" + projectId, "center").json();
        assertThat(project.get("status").asText()).as("approved, now drafting the agreement").isEqualTo("AGREEMENT_REVIEW");
        assertThat(project.get("ledger").findValuesAsText("toStatus")).contains("APPROVED");
        assertThat(project.get("jointOpinion").asText()).contains("建议同意落地");
        assertThat(project.get("ledger").findValuesAsText("eventType")).containsSubsequence("PROJECT_CREATED",
                "INSPECTION_RECORDED", "NEGOTIATION_RECORDED", "SUBMITTED", "TIER_DETERMINED", "STATUS_CHANGED");
        assertThat(project.get("ledger").get(0).get("leadId").asLong()).isEqualTo(leadId);
        JsonNode detail = leadDetail(leadId);
        assertThat(detail.get("revisions")).hasSize(2);
        assertThat(detail.get("projectIds").get(0).asLong()).isEqualTo(projectId);
        List<String> path = new ArrayList<>();
        detail.get("ledger").forEach(e -> {
            if (e.hasNonNull("toStatus")) {
                path.add(e.get("toStatus").asText());
            }
        });
        assertThat(path).containsSubsequence("REPORTED", "RETURNED", "REPORTED", "IN_CONSULTATION", "AWAITING_MEETING",
                "ON_AGENDA", "VALID");
        assertThat(detail.get("ledger").findValuesAsText("eventType")).contains("CONSULTATION_REMINDED");
        Task none = taskService.createTaskQuery().processInstanceId(process).singleResult();
        assertThat(none).as("the screening has ended").isNull();

        // the funnel of 城东招商组 counts the lead as approved
        JsonNode funnel = get("/api/funnel?unit=group-chengdong&from=" + today + "&to=" + today, "center").json();
        assertThat(funnel.get("units").get(0).get("approved").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(funnel.get("total").get("reported").asLong()).isGreaterThanOrEqualTo(1);
    }

    private static JsonNode find(JsonNode tasks, String processInstanceId) {
        for (JsonNode task : tasks) {
            if (task.get("processInstanceId").asText().equals(processInstanceId)) {
                return task;
            }
        }
        throw new AssertionError("no task of " + processInstanceId + " in " + tasks);
    }
}
