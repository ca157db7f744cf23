package cn.zhaoshang.ledger;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import cn.zhaoshang.agreement.AgreementReview;
import cn.zhaoshang.appeal.EnterpriseAppeal;
import cn.zhaoshang.support.LifecycleIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision office's 督办意见 with the real beans (chenzhou §3 全程督办, tongcheng §22 督办): {@code supervisor} completes
 * the 督办 task of an overdue legal review and of an overdue enterprise appeal through the domain REST API; each opinion
 * lands in the ledger with who supervised and what, read back through REST. Without an opinion the completion is
 * refused in Chinese — by the domain API and by Camunda's REST API, which the Tasklist uses — and nothing is written.
 */
class SupervisionIT extends LifecycleIT {

    @Test
    void overdueLegalReview_supervised_opinionInTheProjectLedger() throws Exception {
        long projectId = approvedProject("永康市锐达电动工具有限公司", "锂电工具总装线");
        String agreement = get("/api/projects/" + projectId + "/agreement", "deputy").json().get("processInstanceId")
                .asText();
        Response draft = postFile("/api/projects/" + projectId + "/agreement/drafts", "deputy",
                Map.of("signingParty", "GOVERNMENT"), "file", "投资协议.docx",
                cn.zhaoshang.agreement.AgreementToFulfilmentIT.docx("初稿"));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        // twice the review deadline has passed: 督办
        managementService.executeJob(managementService.createJobQuery().processInstanceId(agreement).timers()
                .activityId("Timer_ReviewByJusticeBureauEscalation").singleResult().getId());
        Task supervise = task(agreement, AgreementReview.Step.SUPERVISE_OVERDUE_REVIEW);

        Response blank = complete("supervisor", supervise, Map.of("opinion", "  "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("message").asText()).startsWith("督办意见不能为空");
        Response byTasklist = post("/engine-rest/task/" + supervise.getId() + "/submit-form", "supervisor",
                Map.of("variables", Map.of()));
        assertThat(byTasklist.status()).as(byTasklist.body()).isEqualTo(400);
        assertThat(byTasklist.json().get("message").asText()).contains("督办意见不能为空");
        assertThat(ledgerTypes(get("/api/projects/" + projectId, "center").json())).contains("ESCALATED")
                .doesNotContain(Supervision.SUPERVISED);
        assertThat(task(agreement, AgreementReview.Step.SUPERVISE_OVERDUE_REVIEW).getId()).isEqualTo(supervise.getId());

        completeOk("supervisor", supervise, Map.of("opinion", "请司法局于3个工作日内办结，逾期通报"));

        JsonNode supervised = supervised(get("/api/projects/" + projectId, "center").json());
        assertThat(supervised.get("actor").asText()).isEqualTo("supervisor");
        assertThat(supervised.get("note").asText()).contains("「司法局合法性审查」已超过时限一倍仍未办结")
                .endsWith("督办意见：请司法局于3个工作日内办结，逾期通报");
        assertThat(supervised.get("projectId").asLong()).isEqualTo(projectId);
        assertThat(supervised.has("appealId")).isFalse();
        assertThat(task(agreement, AgreementReview.Step.REVIEW_BY_JUSTICE)).as("the review itself stays open").isNotNull();
    }

    @Test
    void overdueAppeal_supervised_opinionInTheAppealAndProjectLedger() {
        long projectId = negotiatingProject("磐安县大盘山药业有限公司", "浙贝母饮片加工");
        Response created = post("/api/appeals", "center", Map.of("companyName", "磐安县大盘山药业有限公司", "kind", "COMPLAINT",
                "subject", "环评批复迟迟未出", "content", "环评报告已于两个月前报送，至今未获批复，影响开工", "projectId", projectId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long appealId = created.json().get("id").asLong();
        String process = created.json().get("processInstanceId").asText();
        completeOk("center", task(process, EnterpriseAppeal.Step.ACCEPT), Map.of("decision", "ACCEPT",
                "assignedGroup", "dept-env", "opinion", "请生态环境分局说明审批进度"));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(process).timers()
                .activityId("Timer_AppealOverdue").singleResult().getId());
        Task supervise = task(process, EnterpriseAppeal.Step.SUPERVISE);

        Response empty = complete("supervisor", supervise, Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("field").asText()).isEqualTo("opinion");
        assertThat(empty.json().get("errors").get(0).get("message").asText()).startsWith("督办意见不能为空");
        assertThat(ledgerTypes(get("/api/appeals/" + appealId, "center").json())).containsExactly("ESCALATED");

        completeOk("supervisor", supervise, Map.of("opinion", "限生态环境分局5个工作日内答复企业并报督考办"));

        JsonNode appeal = get("/api/appeals/" + appealId, "center").json();
        assertThat(ledgerTypes(appeal)).containsExactly("ESCALATED", Supervision.SUPERVISED);
        JsonNode supervised = supervised(appeal);
        assertThat(supervised.get("actor").asText()).isEqualTo("supervisor");
        assertThat(supervised.get("note").asText())
                .contains("企业诉求 #" + appealId + "（磐安县大盘山药业有限公司：环评批复迟迟未出）答复期限 "
                        + appeal.get("answerDueOn").asText() + " 已过仍未答复，承办：生态环境分局")
                .endsWith("督办意见：限生态环境分局5个工作日内答复企业并报督考办");
        assertThat(supervised.get("appealId").asLong()).isEqualTo(appealId);
        assertThat(supervised(get("/api/projects/" + projectId, "center").json()).get("id"))
                .as("the appeal is about the project: the same event is in its ledger").isEqualTo(supervised.get("id"));
        assertThat(task(process, EnterpriseAppeal.Step.HANDLE)).as("the department still answers").isNotNull();
    }

    private static java.util.List<String> ledgerTypes(JsonNode detail) {
        return detail.get("ledger").findValuesAsText("eventType");
    }

    private static JsonNode supervised(JsonNode detail) {
        JsonNode found = null;
        for (JsonNode event : detail.get("ledger")) {
            if (Supervision.SUPERVISED.equals(event.get("eventType").asText())) {
                assertThat(found).as("one 督办意见").isNull();
                found = event;
            }
        }
        assertThat(found).as("a %s event in %s", Supervision.SUPERVISED, detail.get("ledger")).isNotNull();
        return found;
    }
}
