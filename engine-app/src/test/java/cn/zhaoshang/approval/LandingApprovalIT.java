package cn.zhaoshang.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.support.AppIT;

import static org.assertj.core.api.Assertions.assertThat;

/** Landing applications through the domain REST API, end to end on the real engine and database. */
class LandingApprovalIT extends AppIT {

    @Autowired
    ProjectMapper projects;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void t2Application_deputyReviews_meetingDeliberates_countyHeadApproves_approved() {
        JsonNode submitted = submit(application("INDUSTRIAL", 45));
        assertThat(submitted.get("tier").asText()).isEqualTo("T2");
        long projectId = submitted.get("projectId").asLong();
        String instance = submitted.get("processInstanceId").asText();

        // 分管副县长: the task is waiting for the deputy group, with the project's names
        JsonNode groupTasks = get("/api/tasks?scope=group", "deputy").json();
        JsonNode mine = find(groupTasks, instance);
        assertThat(mine.get("stepId").asText()).isEqualTo("Task_ReviewByDeputyHead");
        assertThat(mine.get("projectName").asText()).isEqualTo("测试项目");
        assertThat(mine.get("projectId").asLong()).isEqualTo(projectId);
        assertThat(mine.get("due").asText()).isNotBlank();
        String taskId = mine.get("id").asText();
        assertThat(post("/api/tasks/" + taskId + "/claim", "deputy", null).status()).isEqualTo(204);
        assertThat(find(get("/api/tasks?scope=mine", "deputy").json(), instance)).isNotNull();
        assertThat(decide("deputy", taskId, "APPROVE", "同意提交县长办公会议").status()).isEqualTo(204);

        // 县长办公会议: completed without claiming first (claimed on the way), with the meeting's details
        Task meeting = openTask(instance);
        assertThat(meeting.getTaskDefinitionKey()).isEqualTo("Task_DeliberateByCountyHeadMeeting");
        assertThat(post("/api/tasks/" + meeting.getId() + "/complete", "meeting", Map.of("decision", "APPROVE",
                "opinion", "审议通过", "meetingDate", "2026-11-20", "minutesNumber", "县长办公会议纪要〔2026〕12号"))
                .status()).isEqualTo(204);

        // T2 skips the standing committee
        Task approve = openTask(instance);
        assertThat(approve.getTaskDefinitionKey()).isEqualTo("Task_ApproveByCountyHead");
        assertThat(decide("countyhead", approve.getId(), "APPROVE", null).status()).isEqualTo(204);

        JsonNode project = get("/api/projects/" + projectId, "center").json();
        // approved, and at once handed on to the agreement drafting (谈判签约)
        assertThat(project.get("status").asText()).isEqualTo("AGREEMENT_REVIEW");
        assertThat(project.get("ledger").findValuesAsText("toStatus")).containsSubsequence("APPROVED", "AGREEMENT_REVIEW");
        assertThat(project.get("tier").asText()).isEqualTo("T2");
        assertThat(steps(project)).containsExactly(
                "Task_ReviewByDeputyHead:APPROVE:deputy",
                "Task_DeliberateByCountyHeadMeeting:APPROVE:meeting",
                "Task_ApproveByCountyHead:APPROVE:countyhead");
        assertThat(project.get("approvals").get(1).get("meetingDate").asText()).isEqualTo("2026-11-20");
        assertThat(project.get("approvals").get(0).get("opinion").asText()).isEqualTo("同意提交县长办公会议");
        assertThat(ledgerTypes(project)).containsSubsequence("SUBMITTED", "TIER_DETERMINED", "STATUS_CHANGED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void t3Application_passesTheStandingCommittee() {
        JsonNode submitted = submit(application("SERVICE", 50.0001));
        assertThat(submitted.get("tier").asText()).isEqualTo("T3");
        String instance = submitted.get("processInstanceId").asText();
        List<String> path = new ArrayList<>();
        for (String user : List.of("deputy", "meeting", "committee", "countyhead")) {
            Task task = openTask(instance);
            path.add(task.getTaskDefinitionKey());
            assertThat(decide(user, task.getId(), "APPROVE", "同意").status()).isEqualTo(204);
        }
        assertThat(path).containsExactly("Task_ReviewByDeputyHead", "Task_DeliberateByCountyHeadMeeting",
                "Task_DeliberateByStandingCommittee", "Task_ApproveByCountyHead");
        assertThat(get("/api/projects/" + submitted.get("projectId").asLong(), "center").json().get("status").asText())
                .as("approved and handed on to the agreement").isEqualTo("AGREEMENT_REVIEW");
    }

    @Test
    void devZoneApplication_leadingGroupReviews_devZoneApproves() {
        Map<String, Object> body = application("INDUSTRIAL", 40);
        body.put("devZone", true);
        JsonNode submitted = submit(body);
        assertThat(submitted.get("tier").asText()).isEqualTo("DEVZONE");
        String instance = submitted.get("processInstanceId").asText();
        Task review = openTask(instance);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewByLeadingGroup");
        assertThat(decide("leadinggroup", review.getId(), "APPROVE", "领导小组审议通过").status()).isEqualTo(204);
        Task approve = openTask(instance);
        assertThat(approve.getTaskDefinitionKey()).isEqualTo("Task_ApproveByDevZone");
        assertThat(decide("devzone", approve.getId(), "APPROVE", null).status()).isEqualTo(204);
        assertThat(get("/api/projects/" + submitted.get("projectId").asLong(), "center").json().get("status").asText())
                .as("approved and handed on to the agreement").isEqualTo("AGREEMENT_REVIEW");
    }

    @Test
    void rejectWithoutOpinion_isRefused_thenRejectWithOpinion_endsTheApplication() {
        JsonNode submitted = submit(application("SERVICE", 15));
        assertThat(submitted.get("tier").asText()).isEqualTo("T1");
        String instance = submitted.get("processInstanceId").asText();
        Task consent = openTask(instance);

        AppIT.Response refused = decide("countyhead", consent.getId(), "REJECT", "  ");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("opinion");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("驳回必须填写意见");
        assertThat(openTask(instance).getId()).isEqualTo(consent.getId());
        assertThat(openTask(instance).getAssignee()).as("a refused completion leaves no claim behind").isNull();

        assertThat(decide("countyhead", consent.getId(), "REJECT", "不符合产业导向").status()).isEqualTo(204);
        JsonNode project = get("/api/projects/" + submitted.get("projectId").asLong(), "center").json();
        assertThat(project.get("status").asText()).isEqualTo("REJECTED");
        assertThat(steps(project)).containsExactly("Task_ConsentByCountyHead:REJECT:countyhead");
    }

    @Test
    void returnedApplication_isRevised_andTheTierIsDecidedAgain() {
        JsonNode submitted = submit(application("SERVICE", 15));
        String instance = submitted.get("processInstanceId").asText();
        long projectId = submitted.get("projectId").asLong();
        Task consent = openTask(instance);
        assertThat(decide("countyhead", consent.getId(), "RETURN", "请核实实际用地面积").status()).isEqualTo(204);
        assertThat(get("/api/projects/" + projectId, "center").json().get("status").asText()).isEqualTo("RETURNED");

        // the applicant finds the returned application in their own list, with the reason
        JsonNode revise = find(get("/api/tasks?scope=mine", "carrier").json(), instance);
        assertThat(revise.get("stepId").asText()).isEqualTo("Task_ReviseApplication");
        assertThat(runtimeService.getVariable(instance, "returnOpinion")).isEqualTo("请核实实际用地面积");

        Map<String, Object> revised = application("SERVICE", 60);
        AppIT.Response resubmitted = post("/api/tasks/" + revise.get("id").asText() + "/complete", "carrier",
                Map.of("decision", "RESUBMIT", "opinion", "已按实际用地修改", "application", revised));
        assertThat(resubmitted.status()).isEqualTo(204);

        JsonNode project = get("/api/projects/" + projectId, "center").json();
        assertThat(project.get("tier").asText()).isEqualTo("T3");
        assertThat(project.get("status").asText()).isEqualTo("IN_APPROVAL");
        assertThat(project.get("landAreaMu").decimalValue()).isEqualByComparingTo("60");
        assertThat(steps(project)).containsExactly("Task_ConsentByCountyHead:RETURN:countyhead",
                "Task_ReviseApplication:RESUBMIT:carrier");
        assertThat(ledgerTypes(project)).contains("REVISED");
        assertThat(openTask(instance).getTaskDefinitionKey()).isEqualTo("Task_ReviewByDeputyHead");
    }

    @Test
    void returnedApplication_canBeWithdrawn() {
        JsonNode submitted = submit(application("INDUSTRIAL", 30));
        String instance = submitted.get("processInstanceId").asText();
        assertThat(decide("countyhead", openTask(instance).getId(), "RETURN", "材料不全").status()).isEqualTo(204);
        Task revise = openTask(instance);
        assertThat(post("/api/tasks/" + revise.getId() + "/complete", "carrier", Map.of("decision", "WITHDRAW"))
                .status()).isEqualTo(204);
        assertThat(get("/api/projects/" + submitted.get("projectId").asLong(), "center").json().get("status").asText())
                .isEqualTo("WITHDRAWN");
    }

    static Stream<Arguments> invalidApplications() {
        return Stream.of(
                Arguments.of("missing company name", with("companyName", null), "companyName"),
                Arguments.of("blank project name", with("projectName", "   "), "projectName"),
                Arguments.of("negative area", with("landAreaMu", -3), "landAreaMu"),
                Arguments.of("zero area with land", with("landAreaMu", 0), "landAreaMu"),
                Arguments.of("absurd area", with("landAreaMu", 1_000_000), "landAreaMu"),
                Arguments.of("NaN area", with("landAreaMu", "NaN"), "landAreaMu"),
                Arguments.of("area without land", withNoLand(25), "landAreaMu"),
                Arguments.of("unknown category", with("projectCategory", "MINING"), "projectCategory"),
                Arguments.of("negative investment", with("totalInvestmentWan", -1), "totalInvestmentWan"),
                Arguments.of("area as text", with("landAreaMu", "三十"), "landAreaMu"),
                Arguments.of("unknown field", with("landAreaMuu", 3), "landAreaMuu"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidApplications")
    void invalidApplication_is400WithTheField_andNothingIsStored(String name, Map<String, Object> body, String field) {
        long projectsBefore = projects.count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();
        AppIT.Response response = post("/api/landing-applications", "carrier", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
        assertThat(projects.count()).isEqualTo(projectsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void nonJsonBody_is400() {
        AppIT.Response response = postRaw("/api/landing-applications", "carrier", "{companyName: 未加引号", "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void taskErrors_unknown404_completed409_notMyGroup403_badDecision400() {
        assertThat(post("/api/tasks/no-such-task/claim", "deputy", null).status()).isEqualTo(404);

        String instance = submit(application("SERVICE", 10)).get("processInstanceId").asText();
        Task consent = openTask(instance);
        // the county head's consent is not the deputy's to give
        AppIT.Response forbidden = decide("deputy", consent.getId(), "APPROVE", null);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(post("/api/tasks/" + consent.getId() + "/claim", "deputy", null).status()).isEqualTo(403);
        assertThat(decide("countyhead", consent.getId(), "MAYBE", null).status()).isEqualTo(400);
        assertThat(get("/api/tasks?scope=everything", "countyhead").status()).isEqualTo(400);

        assertThat(decide("countyhead", consent.getId(), "APPROVE", null).status()).isEqualTo(204);
        AppIT.Response again = decide("countyhead", consent.getId(), "APPROVE", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("TASK_ALREADY_COMPLETED");
        assertThat(get("/api/projects/999999999", "center").status()).isEqualTo(404);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = application("INDUSTRIAL", 25);
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> withNoLand(Object area) {
        Map<String, Object> body = application("INDUSTRIAL", 25);
        body.put("landRequired", false);
        body.put("landAreaMu", area);
        return body;
    }

    private static JsonNode find(JsonNode tasks, String processInstanceId) {
        for (JsonNode task : tasks) {
            if (processInstanceId.equals(task.get("processInstanceId").asText())) {
                return task;
            }
        }
        return null;
    }

    private static List<String> steps(JsonNode project) {
        List<String> steps = new ArrayList<>();
        project.get("approvals").forEach(a -> steps.add(a.get("step").asText() + ":" + a.get("decision").asText() + ":"
                + a.get("userId").asText()));
        return steps;
    }

    private static List<String> ledgerTypes(JsonNode project) {
        List<String> types = new ArrayList<>();
        project.get("ledger").forEach(e -> types.add(e.get("eventType").asText()));
        return types;
    }
}
