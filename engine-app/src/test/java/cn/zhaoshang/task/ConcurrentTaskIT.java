package cn.zhaoshang.task;

import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhaoshang.support.Race;
import cn.zhaoshang.support.AppIT;

import static org.assertj.core.api.Assertions.assertThat;

/** Two officials act on the same task at the same moment: exactly one wins, the other gets a clear 409. */
class ConcurrentTaskIT extends AppIT {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void secondCountyHead() {
        ensureSecondCountyHead();
    }

    @Test
    void twoOfficialsClaimTheSameTask_oneWins_theOtherGets409() throws Exception {
        for (int round = 0; round < 5; round++) {
            String instance = submit(application("SERVICE", 8)).get("processInstanceId").asText();
            String taskId = openTask(instance).getId();
            List<Response> responses = Race.run(
                    () -> post("/api/tasks/" + taskId + "/claim", "countyhead", null),
                    () -> post("/api/tasks/" + taskId + "/claim", "countyhead2", null));
            assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(204, 409);
            Response loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.json().get("message").asText()).contains("认领");
            Task task = openTask(instance);
            assertThat(task.getAssignee()).isIn("countyhead", "countyhead2");
        }
    }

    @Test
    void twoOfficialsCompleteTheSameTask_oneSignOffIsRecorded() throws Exception {
        for (int round = 0; round < 5; round++) {
            String instance = submit(application("SERVICE", 9)).get("processInstanceId").asText();
            String taskId = openTask(instance).getId();
            List<Response> responses = Race.run(
                    () -> decide("countyhead", taskId, "APPROVE", "同意"),
                    () -> decide("countyhead2", taskId, "APPROVE", "同意"));
            assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(204, 409);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM approval_record WHERE task_id = ?", Long.class, taskId))
                    .isEqualTo(1L);
            assertThat(openTask(instance).getTaskDefinitionKey()).isEqualTo("Task_ApproveByDeputyHead");
        }
    }
}
