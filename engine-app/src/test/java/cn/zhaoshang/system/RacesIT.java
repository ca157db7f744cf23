package cn.zhaoshang.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.support.Race;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races a person does not see coming (issue 6, "Races"): every consulted department answers in the same instant; a
 * meeting's decision arrives while the reporter withdraws the lead; a client retries the same request. Each transition
 * is recorded exactly once, a lost race is a 409 with a clear message, and nobody's answer is lost to a neighbour's.
 */
class RacesIT extends LifecycleIT {

    @Autowired
    JdbcTemplate jdbc;

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private String consultationTask(long leadId, String user) {
        for (JsonNode t : get("/api/tasks?scope=group", user).json()) {
            if (t.get("processInstanceId").asText().equals(processOf(leadId))
                    && t.get("stepId").asText().equals(LeadScreening.Step.ANSWER_CONSULTATION)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no consultation task for lead " + leadId);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void everyDepartmentAnswersAtTheSameMoment_noAnswerIsLost() throws Exception {
        for (int round = 0; round < 3; round++) {
            long leadId = report(lead("同时征询企业" + round + RUN, "并发征询项目"));
            checkComplete(leadId);
            List<Callable<Response>> answers = new ArrayList<>();
            for (String user : DEPARTMENT_USERS) {
                String taskId = consultationTask(leadId, user);
                answers.add(() -> post("/api/tasks/" + taskId + "/complete", user,
                        Map.of("answer", "AGREE", "opinion", user + " 同意")));
            }
            @SuppressWarnings("unchecked")
            List<Response> responses = Race.run(answers.toArray(Callable[]::new));
            assertThat(responses).as("round %s: %s", round, responses).extracting(Response::status)
                    .containsOnly(204);
            assertThat(count("SELECT COUNT(*) FROM consultation_opinion WHERE lead_id = ? AND answer IS NOT NULL", leadId))
                    .isEqualTo(DEPARTMENT_USERS.size());
            assertThat(count("SELECT COUNT(*) FROM ledger_event WHERE lead_id = ? AND event_type = 'CONSULTATION_ANSWERED'",
                    leadId)).isEqualTo(DEPARTMENT_USERS.size());
            assertThat(status(leadId)).isEqualTo("AWAITING_MEETING");
        }
    }

    @Test
    void aMeetingDecidesWhileTheReporterWithdraws_exactlyOneWins() throws Exception {
        long leadId = screened(lead("撤回竞争企业" + RUN, "撤回竞争项目"));
        JsonNode meeting = convene();
        // the secretary's record must succeed either way (a withdrawn lead drops off the agenda): record() asserts 204
        List<Object> results = Race.run(
                () -> {
                    record(meeting, Map.of(leadId, valid("park-chengdong", "分管副县长")));
                    return "recorded";
                },
                () -> post("/api/leads/" + leadId + "/withdraw", "reporter", Map.of("reason", "企业另有选择")));
        String status = status(leadId);
        assertThat(status).isIn("VALID", "WITHDRAWN");
        Response withdrawal = (Response) results.get(1);
        if (status.equals("VALID")) {
            assertThat(withdrawal.status()).as(withdrawal.body()).isEqualTo(409);
            assertThat(withdrawal.body()).contains("不能撤回");
            assertThat(count("SELECT COUNT(*) FROM project WHERE lead_id = ?", leadId)).isEqualTo(1);
        } else {
            assertThat(withdrawal.status()).isEqualTo(204);
            assertThat(count("SELECT COUNT(*) FROM project WHERE lead_id = ?", leadId)).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM ledger_event WHERE lead_id = ? AND to_status IN ('VALID', 'WITHDRAWN')",
                leadId)).as("one transition out of the agenda").isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceId(meeting.get("processInstanceId").asText()).count())
                .as("the meeting is recorded either way").isZero();
    }

    @Test
    void aRetriedRequestDoesWhatThePersonMeant() {
        long leadId = report(lead("重试企业" + RUN, "重试项目"));
        String process = processOf(leadId);
        var check = task(process, LeadScreening.Step.CHECK_COMPLETENESS);
        assertThat(post("/api/tasks/" + check.getId() + "/claim", "center", Map.of()).status()).isEqualTo(204);
        assertThat(post("/api/tasks/" + check.getId() + "/claim", "center", Map.of()).status())
                .as("claiming again what one holds").isEqualTo(204);
        Map<String, Object> decision = Map.of("decision", "COMPLETE", "opinion", "资料齐全");
        assertThat(post("/api/tasks/" + check.getId() + "/complete", "center", decision).status()).isEqualTo(204);
        Response again = post("/api/tasks/" + check.getId() + "/complete", "center", decision);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("已办结");
        assertThat(count("SELECT COUNT(*) FROM ledger_event WHERE lead_id = ? AND to_status = 'IN_CONSULTATION'",
                leadId)).isEqualTo(1);
    }
}
