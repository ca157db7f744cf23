package cn.zhaoshang.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.lead.LeadLedger;
import cn.zhaoshang.negotiation.NegotiationService;
import cn.zhaoshang.support.AppClient;
import cn.zhaoshang.support.AppIT;

/** Real landing approvals made the product's way: a project in negotiation, its joint opinion submitted over REST. */
final class Templates {

    record Approval(long projectId, String processInstanceId) {
    }

    private final BenchApp app;
    private final AppClient client;

    Templates(BenchApp app) {
        this.app = app;
        this.client = app.client();
    }

    /** A T1 landing approval waiting for the county head's consent (Task_ConsentByCountyHead, group county-head). */
    Approval atConsent(String company) {
        long projectId = AppIT.negotiatingProject(app.bean(TransactionTemplate.class), app.bean(LeadLedger.class),
                app.bean(NegotiationService.class), "group-chengdong", company, "基准落地项目");
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("projectId", projectId);
        application.put("companyName", company);
        application.put("projectName", "基准落地项目");
        application.put("projectCategory", "INDUSTRIAL");
        application.put("totalInvestmentWan", 12000);
        application.put("landRequired", false);
        application.put("landAreaMu", null);
        application.put("caseByCaseSupport", false);
        application.put("devZone", false);
        application.put("carrierUnit", "磐安工业园区");
        application.put("jointOpinion", "经考察洽谈，建议同意落地。");
        JsonNode submitted = LifecycleLoad.ok(client.post("/api/landing-applications", "deputy", application), 201);
        return new Approval(projectId, submitted.get("processInstanceId").asText());
    }

    /** The same after the consent: waiting for the deputy head's approval (group deputy-head). */
    Approval atDeputyApproval(String company) {
        Approval approval = atConsent(company);
        Task consent = app.bean(TaskService.class).createTaskQuery().processInstanceId(approval.processInstanceId())
                .taskDefinitionKey(LandingApproval.Step.CONSENT_BY_COUNTY_HEAD).singleResult();
        LifecycleLoad.ok(client.post("/api/tasks/" + consent.getId() + "/complete", "countyhead",
                Map.of("decision", "APPROVE", "opinion", "同意")), 204);
        return approval;
    }
}
