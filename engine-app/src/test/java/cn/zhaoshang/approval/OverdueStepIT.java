package cn.zhaoshang.approval;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.support.AppIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 催办 and 督办 with the real beans: the step's timers are due at its deadline and later, the reminder goes to the
 * candidate group, the escalation to the supervision office, both are in the ledger, and the step stays open.
 * (Moving the clock across the boundaries is tested on the model, LandingApprovalProcessTest.)
 */
class OverdueStepIT extends AppIT {

    @Autowired
    ManagementService managementService;

    @Test
    void overdueConsent_isRemindedThenEscalated_andStaysOpen() {
        JsonNode submitted = submit(application("SERVICE", 5));
        String instance = submitted.get("processInstanceId").asText();
        Task consent = openTask(instance);

        Job reminder = timer(instance, "Timer_ConsentByCountyHeadReminder");
        Job escalation = timer(instance, "Timer_ConsentByCountyHeadEscalation");
        assertThat(reminder.getDuedate()).isCloseTo(consent.getDueDate(), 1000);
        assertThat(escalation.getDuedate()).isAfter(reminder.getDuedate());

        managementService.executeJob(reminder.getId());
        managementService.executeJob(escalation.getId());

        JsonNode project = get("/api/projects/" + submitted.get("projectId").asLong(), "center").json();
        List<String> notes = new ArrayList<>();
        project.get("ledger").forEach(e -> notes.add(e.get("eventType").asText() + " " + e.get("note").asText()));
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("REMINDER_SENT").contains("county-head").contains("县长同意"));
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("ESCALATED").contains("督考办").contains("县长同意"));
        assertThat(openTask(instance).getId()).as("the reminder and the escalation do not end the step").isEqualTo(consent.getId());
        assertThat(managementService.createJobQuery().processInstanceId(instance).timers().count()).isZero();
    }

    private Job timer(String instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance).activityId(activityId).singleResult();
    }
}
