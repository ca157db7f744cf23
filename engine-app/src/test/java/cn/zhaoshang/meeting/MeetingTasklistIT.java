package cn.zhaoshang.meeting;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.support.Webapp;

import static cn.zhaoshang.support.Webapp.ENGINE_API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Camunda Tasklist path (its own API, as the browser calls it): a reporter starts 线索甄别 from the start form,
 * and the meeting secretary records the meeting in form_meeting_record, whose per-lead list binds to a Json variable.
 */
class MeetingTasklistIT extends LifecycleIT {

    @Test
    void reporterStartsALeadFromTheStartForm_andInvalidReportsAreRefused() throws Exception {
        Webapp tasklist = new Webapp(port, "reporter");
        String definition = ENGINE_API + "/process-definition/key/" + LeadScreening.PROCESS_KEY;
        assertThat(jsonOf(tasklist.get(definition + "/deployed-start-form")).get("id").asText())
                .isEqualTo(LeadScreening.Form.REPORT_LEAD);
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        lead("磐安𡈼山农业开发有限公司", "𡈼山有机茶园").forEach((name, value) -> {
            if (value != null) {
                variables.put(name, Map.of("value", value, "type", value instanceof Number ? "Double"
                        : value instanceof Boolean ? "Boolean" : "String"));
            }
        });
        HttpResponse<String> started = tasklist.post(definition + "/submit-form", Map.of("variables", variables));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        long leadId = Long.parseLong(jsonOf(started).get("businessKey").asText());
        assertThat(leads.findById(leadId).orElseThrow().getCompanyName()).isEqualTo("磐安𡈼山农业开发有限公司");

        variables.put("contactPhone", Map.of("value", "电话", "type", "String"));
        long before = leads.count();
        HttpResponse<String> refused = tasklist.post(definition + "/submit-form", Map.of("variables", variables));
        assertThat(refused.statusCode()).isNotEqualTo(200);
        assertThat(refused.body()).contains("联系电话格式不正确");
        assertThat(leads.count()).isEqualTo(before);
    }

    @Test
    void secretaryRecordsTheMeetingInTheTasklistForm() throws Exception {
        long leadId = screened(lead("衢州江山木业有限公司", "全屋定制家居生产基地"));
        JsonNode meeting = convene();
        Task task = task(meeting.get("processInstanceId").asText(), ResearchMeeting.Step.RECORD_MEETING);
        Webapp tasklist = new Webapp(port, "center");

        assertThat(jsonOf(tasklist.get(ENGINE_API + "/task/" + task.getId() + "/deployed-form")).get("id").asText())
                .isEqualTo(ResearchMeeting.Form.RECORD_MEETING);
        // as the Tasklist asks for them: serialized values, so a Json variable arrives as its JSON text
        JsonNode variables = jsonOf(tasklist.get(ENGINE_API + "/task/" + task.getId()
                + "/form-variables?deserializeValues=false"));
        JsonNode agenda = variables.get(ResearchMeeting.Var.ITEM_DECISIONS);
        assertThat(agenda.get("type").asText()).as("the form's dynamic list binds to Json only").isEqualTo("Json");
        JsonNode value = agenda.get("value");
        JsonNode rows = value.isTextual() ? JSON.readTree(value.asText()) : value;
        assertThat(rows.isArray()).as(agenda.toString()).isTrue();
        assertThat(rows.findValuesAsText("companyName")).contains("衢州江山木业有限公司");

        // what the form sends back: the same rows with the secretary's decisions filled in
        StringBuilder decided = new StringBuilder("[");
        for (JsonNode row : rows) {
            long id = row.get("leadId").asLong();
            decided.append(decided.length() > 1 ? "," : "").append(id == leadId
                    ? "{\"leadId\":" + id + ",\"decision\":\"VALID\",\"reason\":\"定制家居产业链补链\","
                            + "\"responsibleUnit\":\"park-chengdong\",\"taskForceLeader\":\"分管副县长 李明\"}"
                    : "{\"leadId\":" + id + ",\"decision\":\"INVALID\",\"reason\":\"测试归档\"}");
        }
        decided.append("]");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        HttpResponse<String> noAttendees = tasklist.post(ENGINE_API + "/task/" + task.getId() + "/submit-form",
                Map.of("variables", Map.of("heldOn", Map.of("value", today, "type", "String"),
                        "itemDecisions", Map.of("value", decided.toString(), "type", "Json"))));
        assertThat(noAttendees.body()).contains("参会人员不能为空");
        HttpResponse<String> recorded = tasklist.post(ENGINE_API + "/task/" + task.getId() + "/submit-form",
                Map.of("variables", Map.of("heldOn", Map.of("value", today, "type", "String"),
                        "attendees", Map.of("value", "分管副县长、投资促进中心", "type", "String"),
                        "itemDecisions", Map.of("value", decided.toString(), "type", "Json"))));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(204);
        assertThat(status(leadId)).isEqualTo("VALID");
        assertThat(projects.findByLeadId(leadId)).hasSize(1);
        assertThat(get("/api/meetings/" + meeting.get("id").asLong(), "center").json().get("minutesUrl").asText())
                .endsWith("/minutes");
    }

    private static JsonNode jsonOf(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

}
