package cn.zhaoshang.system;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.support.LifecycleIT;
import cn.zhaoshang.support.Race;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that did not hear the answer sends the same request again with the same Idempotency-Key: one lead, one
 * completion, the first answer replayed; the key with another body, a bad key, and a key sent at once twice.
 */
class IdempotencyIT extends LifecycleIT {

    @Autowired
    JdbcTemplate jdbc;

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private Response send(String method, String path, String user, Object body, String key) {
        try {
            HttpRequest.Builder request = request(path, user).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            return send(request.build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int leads(String company) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM lead WHERE company_name = ?", Integer.class, company);
    }

    @Test
    void aRetriedReportIsOneLead_andGetsTheFirstAnswer() {
        String company = "幂等报送企业" + RUN;
        Map<String, Object> lead = lead(company, "幂等项目");
        String key = UUID.randomUUID().toString();
        Response first = send("POST", "/api/leads", "reporter", lead, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Response again = send("POST", "/api/leads", "reporter", lead, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(leads(company)).isEqualTo(1);

        Map<String, Object> other = lead(company + "乙", "幂等项目");
        Response reused = send("POST", "/api/leads", "reporter", other, key);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body()).contains("IDEMPOTENCY_KEY_REUSED", "已用于另一个请求");
        assertThat(leads(company + "乙")).isZero();

        assertThat(send("POST", "/api/leads", "center", other, key).status())
                .as("keys are per user: the center's key is its own").isEqualTo(201);
        assertThat(send("POST", "/api/leads", "reporter", lead, "has space and /slash").status()).isEqualTo(400);
        assertThat(send("POST", "/api/leads", "reporter", lead, null).status()).as("without a key: a second lead")
                .isEqualTo(201);
        assertThat(leads(company)).isEqualTo(2);
    }

    @Test
    void aRefusedRequestKeepsNothing_theCorrectedOneMayUseTheKey() {
        String company = "幂等更正企业" + RUN;
        Map<String, Object> lead = new java.util.LinkedHashMap<>(lead(company, "更正项目"));
        lead.remove("contactPhone");
        String key = "fix-" + RUN;
        assertThat(send("POST", "/api/leads", "reporter", lead, key).status()).isEqualTo(400);
        assertThat(send("POST", "/api/leads", "reporter", lead(company, "更正项目"), key).status()).isEqualTo(201);
        assertThat(leads(company)).isEqualTo(1);
    }

    @Test
    void aRetriedCompletionIsDoneOnce_andAnswersAsTheFirstTime() throws Exception {
        long leadId = report(lead("幂等办理企业" + RUN, "幂等办理项目"));
        String taskId = task(processOf(leadId), LeadScreening.Step.CHECK_COMPLETENESS).getId();
        String key = "complete-" + taskId;
        Map<String, Object> decision = Map.of("decision", "COMPLETE", "opinion", "资料齐全");
        List<Response> atOnce = Race.run(
                () -> send("POST", "/api/tasks/" + taskId + "/complete", "center", decision, key),
                () -> send("POST", "/api/tasks/" + taskId + "/complete", "center", decision, key));
        assertThat(atOnce).extracting(Response::status).contains(204).allMatch(s -> s == 204 || s == 409);
        Response later = send("POST", "/api/tasks/" + taskId + "/complete", "center", decision, key);
        assertThat(later.status()).as("a retry after the first answer gets that answer, not 'already completed'")
                .isEqualTo(204);
        assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM ledger_event WHERE lead_id = ? AND to_status = 'IN_CONSULTATION'", Integer.class,
                leadId)).isEqualTo(1);
    }
}
