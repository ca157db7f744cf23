package cn.zhaoshang.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.support.LifecycleIT;

import static org.assertj.core.api.Assertions.assertThat;

/** What the workbench does with tasks, through the domain API: filters, 转办, 抄送, comments, 已办. */
class TaskApiIT extends LifecycleIT {


    @BeforeEach
    void secondCountyHead() {
        ensureSecondCountyHead();
    }

    @Test
    void filtersTransferCopiesCommentsAndDone() {
        Map<String, Object> application = new LinkedHashMap<>(application("SERVICE", 6));
        // a name of its own: a persistent MariaDB keeps earlier runs' projects
        String company = "接口转办测试" + Long.toString(System.currentTimeMillis(), 36) + "有限公司";
        application.put("companyName", company);
        String instance = submit(application).get("processInstanceId").asText();
        String taskId = task(instance, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD).getId();

        JsonNode filtered = get("/api/tasks?scope=group&project=" + company + "&process=Process_LandingApproval&sort=-due",
                "countyhead").json();
        assertThat(filtered).extracting(t -> t.get("id").asText()).containsExactly(taskId);
        assertThat(filtered.get(0).get("processName").asText()).isEqualTo("招商引资项目落地审批");
        assertThat(filtered.get(0).get("unitName").asText()).isEqualTo("城东招商组");
        assertThat(get("/api/tasks?scope=group&project=" + company + "&process=Process_LeadScreening", "countyhead").json())
                .isEmpty();

        Response toOutsider = post("/api/tasks/" + taskId + "/transfer", "countyhead", Map.of("assignee", "drc"));
        assertThat(toOutsider.status()).isEqualTo(400);
        assertThat(toOutsider.json().get("errors").get(0).get("field").asText()).isEqualTo("assignee");
        assertThat(post("/api/tasks/" + taskId + "/transfer", "drc", Map.of("assignee", "countyhead2")).status())
                .as("not a candidate").isEqualTo(403);
        Response transferred = post("/api/tasks/" + taskId + "/transfer", "countyhead",
                Map.of("assignee", "countyhead2", "reason", "请代为办理"));
        assertThat(transferred.status()).as(transferred.body()).isEqualTo(204);
        assertThat(get("/api/tasks?scope=mine", "countyhead2").json()).extracting(t -> t.get("id").asText())
                .contains(taskId);
        assertThat(post("/api/tasks/" + taskId + "/transfer", "countyhead", Map.of("assignee", "countyhead")).status())
                .as("held by someone else now").isEqualTo(409);

        assertThat(post("/api/tasks/" + taskId + "/comments", "countyhead2", Map.of("message", "已阅")).status())
                .isEqualTo(204);
        Response copied = post("/api/tasks/" + taskId + "/copies", "countyhead2",
                Map.of("recipients", List.of("drc", "drc"), "note", "知悉"));
        assertThat(copied.json()).extracting(JsonNode::asText).containsExactly("drc");
        assertThat(post("/api/tasks/" + taskId + "/copies", "countyhead2", Map.of("recipients", List.of("drc")))
                .json()).as("copied once only").isEmpty();
        assertThat(get("/api/tasks/" + taskId + "/comments", "drc").json()).extracting(c -> c.get("message").asText())
                .containsExactly("转办给 县长（代）（countyhead2）：请代为办理", "已阅", "抄送给 县发展和改革局（drc）：知悉");
        assertThat(get("/api/tasks/" + taskId + "/comments", "env").status()).isEqualTo(403);

        assertThat(decide("countyhead2", taskId, "APPROVE", "同意").status()).isEqualTo(204);
        JsonNode done = get("/api/tasks/done?project=" + company, "countyhead2").json();
        assertThat(done).hasSize(1);
        assertThat(done.get(0).get("task").get("id").asText()).isEqualTo(taskId);
        assertThat(done.get(0).get("submitted").get("decision").asText()).isEqualTo("APPROVE");
        assertThat(done.get(0).get("submitted").get("opinion").asText()).isEqualTo("同意");
        assertThat(done.get(0).get("comments")).hasSize(3);
        assertThat(get("/api/tasks/done?project=" + company, "countyhead").json()).as("countyhead did not complete it")
                .isEmpty();
        assertThat(get("/api/tasks/" + taskId + "/comments", "drc").status()).as("a copy stays readable").isEqualTo(200);
    }
}
