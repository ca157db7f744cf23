package cn.zhaoshang.fulfilment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import cn.zhaoshang.agreement.AgreementReview;
import cn.zhaoshang.appeal.EnterpriseAppeal;
import cn.zhaoshang.support.LifecycleIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fulfilment with the real beans: an overdue milestone warns the responsible leader and the supervision office, a
 * project without progress updates is flagged stale against its unit, the assessment on demand ends the tracking;
 * and an enterprise appeal is accepted, assigned, escalated when overdue and answered.
 */
class FulfilmentAndAppealIT extends LifecycleIT {

    @Test
    void overdueMilestone_staleProgress_assessmentOnDemand() throws Exception {
        long projectId = signedProject("衢州龙游纸业有限公司", "特种纸生产线");
        String fulfilment = fulfilmentOf(projectId);

        Job overdue = timer(fulfilment, "Timer_MilestoneOverdue");
        managementService.executeJob(overdue.getId());
        JsonNode view = get("/api/projects/" + projectId + "/milestones", "carrier").json();
        assertThat(view.get("milestones").get(0).get("milestone").get("escalatedAt").isNull()).isFalse();
        assertThat(task(fulfilment, Fulfilment.Step.RECORD_MILESTONE)).as("the milestone stays open").isNotNull();

        Job check = managementService.createJobQuery().processInstanceId(fulfilment).timers()
                .activityId("StartEvent_ProgressCheckDue").singleResult();
        managementService.executeJob(check.getId());
        // just signed: the carrier has not been silent long enough to be flagged
        assertThat(get("/api/projects/" + projectId + "/milestones", "carrier").json().get("progress")).isEmpty();
        assertThat(post("/api/projects/" + projectId + "/progress", "carrier", Map.of("note", "厂房基础施工中")).status())
                .isEqualTo(204);
        assertThat(post("/api/projects/" + projectId + "/progress", "reporter", Map.of("note", "x")).status())
                .isEqualTo(403);

        assertThat(post("/api/projects/" + projectId + "/assessment", "carrier", null).status()).isEqualTo(403);
        assertThat(post("/api/projects/" + projectId + "/assessment", "center", null).status()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().processInstanceId(fulfilment)
                .taskDefinitionKey(Fulfilment.Step.RECORD_MILESTONE).count()).as("tracking ended").isZero();
        assertThat(post("/api/projects/" + projectId + "/assessment", "center", null).status()).isEqualTo(409);
        completeOk("center", task(fulfilment, Fulfilment.Step.ASSESS),
                Map.of("assessment", "UNDERPERFORMING", "opinion", "已投资 6000 万元，产值未达约定"));
        completeOk("carrier", task(fulfilment, Fulfilment.Step.SECOND_ATTRACTION), Map.of("opinion", "引入配套企业二次招商"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(fulfilment).count()).isZero();
        assertThat(get("/api/projects/" + projectId, "center").json().get("ledger").findValuesAsText("eventType"))
                .contains("MILESTONE_OVERDUE", "PROGRESS_UPDATED", "FULFILMENT_ASSESSED", "FULFILMENT_CLOSED");
    }

    @Test
    void appeal_acceptedAssigned_overdueEscalated_answered() {
        Response bad = post("/api/appeals", "center", Map.of("companyName", "某公司", "kind", "PRAISE", "subject", "x",
                "content", "y"));
        assertThat(bad.status()).isEqualTo(400);
        Response created = post("/api/appeals", "center", Map.of("companyName", "磐安县𠮷祥农旅开发有限公司", "kind", "COMPLAINT",
                "subject", "施工用电接入迟缓", "content", "项目施工临时用电申请已逾一月未接入"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long appealId = created.json().get("id").asLong();
        String process = created.json().get("processInstanceId").asText();
        // due 7 working days after receipt (chenzhou §15), fixed at registration
        String dueOn = created.json().get("answerDueOn").asText();
        assertThat(dueOn).isEqualTo(get("/api/calendar/add-working-days?from="
                + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "&days=7", "center").json().get("date").asText());
        assertThat(complete("center", task(process, EnterpriseAppeal.Step.ACCEPT), Map.of("decision", "ACCEPT")).status())
                .as("needs the department").isEqualTo(400);
        completeOk("center", task(process, EnterpriseAppeal.Step.ACCEPT), Map.of("decision", "ACCEPT",
                "assignedGroup", "dept-drc", "opinion", "交发改局协调供电公司"));
        JsonNode appeal = get("/api/appeals/" + appealId, "center").json();
        assertThat(appeal.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(appeal.get("answerDueOn").asText()).as("acceptance does not move the deadline").isEqualTo(dueOn);

        managementService.executeJob(timer(process, "Timer_AppealOverdue").getId());
        assertThat(task(process, EnterpriseAppeal.Step.SUPERVISE)).isNotNull();
        completeOk("drc", task(process, EnterpriseAppeal.Step.HANDLE), Map.of("answer", "已协调供电公司三日内接入"));
        appeal = get("/api/appeals/" + appealId, "center").json();
        assertThat(appeal.get("status").asText()).isEqualTo("ANSWERED");
        assertThat(appeal.get("answer").asText()).contains("三日内");
    }

    private long signedProject(String company, String projectName) throws Exception {
        long projectId = approvedProject(company, projectName);
        String agreement = get("/api/projects/" + projectId + "/agreement", "deputy").json().get("processInstanceId").asText();
        assertThat(postFile("/api/projects/" + projectId + "/agreement/drafts", "deputy", Map.of("signingParty", "GOVERNMENT"),
                "file", "协议.pdf", cn.zhaoshang.agreement.AgreementToFulfilmentIT.pdf()).status()).isEqualTo(201);
        completeOk("justice", task(agreement, AgreementReview.Step.REVIEW_BY_JUSTICE), Map.of("decision", "PASS"));
        completeOk("deputy", task(agreement, AgreementReview.Step.SIGN_AGREEMENT), Map.of("contractNumber",
                "测试协〔" + projectId + "〕号", "signedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
                "agreedInvestmentWan", 12000));
        return projectId;
    }

    private String fulfilmentOf(long projectId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(Fulfilment.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(projectId)).singleResult().getId();
    }

    private Job timer(String processInstanceId, String activityId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).timers().activityId(activityId)
                .singleResult();
    }
}
