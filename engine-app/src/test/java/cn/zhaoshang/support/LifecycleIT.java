package cn.zhaoshang.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.agreement.AgreementReview;
import cn.zhaoshang.agreement.AgreementToFulfilmentIT;
import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.lead.LeadMapper;
import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.meeting.ResearchMeeting;
import cn.zhaoshang.system.EngineClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of the front half of the lifecycle as the people involved take them, through the domain REST API only:
 * the reporter reports, the center checks, each department answers, the center convenes and records a meeting.
 */
public abstract class LifecycleIT extends AppIT {

    protected static final List<String> DEPARTMENT_USERS = List.of("drc", "env", "emergency", "nr", "carrier");

    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected LeadMapper leads;
    @Autowired
    protected ProjectMapper projects;

    protected static Map<String, Object> lead(String company, String project) {
        return LeadReports.of(company, project);
    }

    protected long report(Map<String, Object> lead) {
        Response response = post("/api/leads", "reporter", lead);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("leadId").asLong();
    }

    protected String processOf(long leadId) {
        return leads.findById(leadId).orElseThrow().getProcessInstanceId();
    }

    protected JsonNode leadDetail(long leadId) {
        return get("/api/leads/" + leadId, "center").json();
    }

    protected String status(long leadId) {
        return leads.findById(leadId).orElseThrow().getStatus().name();
    }

    /** The open task of a step in a process instance, read as a fixture (the REST call then checks the rights). */
    protected Task task(String processInstanceId, String step) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
                .active().list();
        assertThat(tasks).as("open %s in %s", step, processInstanceId).isNotEmpty();
        return tasks.get(0);
    }

    protected Response complete(String user, Task task, Map<String, Object> body) {
        return post("/api/tasks/" + task.getId() + "/complete", user, body);
    }

    protected void completeOk(String user, Task task, Map<String, Object> body) {
        Response response = complete(user, task, body);
        assertThat(response.status()).as("%s completes %s: %s", user, task.getTaskDefinitionKey(), response.body())
                .isEqualTo(204);
    }

    protected void checkComplete(long leadId) {
        completeOk("center", task(processOf(leadId), LeadScreening.Step.CHECK_COMPLETENESS),
                Map.of("decision", "COMPLETE", "opinion", "资料齐全"));
    }

    /** Every consulted department answers (each as its own user, the task found among its group's tasks). */
    protected void answerAll(long leadId, List<String> users) {
        for (String user : users) {
            answer(leadId, user, "AGREE", "符合本部门准入要求。");
        }
    }

    protected void answer(long leadId, String user, String answer, String opinion) {
        String process = processOf(leadId);
        JsonNode tasks = get("/api/tasks?scope=group", user).json();
        String taskId = null;
        for (JsonNode t : tasks) {
            if (t.get("processInstanceId").asText().equals(process)
                    && t.get("stepId").asText().equals(LeadScreening.Step.ANSWER_CONSULTATION)) {
                taskId = t.get("id").asText();
            }
        }
        assertThat(taskId).as("%s has a consultation task for lead %s", user, leadId).isNotNull();
        Response response = post("/api/tasks/" + taskId + "/complete", user, Map.of("answer", answer, "opinion", opinion));
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    /** Reported, complete, every department agreed: waiting for the research meeting. */
    protected long screened(Map<String, Object> lead) {
        long leadId = report(lead);
        checkComplete(leadId);
        answerAll(leadId, DEPARTMENT_USERS);
        assertThat(status(leadId)).isEqualTo("AWAITING_MEETING");
        return leadId;
    }

    /** The center convenes an ad-hoc meeting; returns its detail (with the agenda). */
    protected JsonNode convene() {
        Response response = post("/api/meetings", "center", Map.of("reason", "集中研判"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    /**
     * The secretary records the meeting: the given decisions, and INVALID for any other lead on the agenda (left
     * waiting by an earlier test in the same database).
     */
    protected void record(JsonNode meeting, Map<Long, Map<String, Object>> decisions) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode row : meeting.get("agenda")) {
            long leadId = row.get("leadId").asLong();
            Map<String, Object> item = new LinkedHashMap<>(decisions.getOrDefault(leadId,
                    Map.of("decision", "INVALID", "reason", "与本次测试无关，归档")));
            item.put("leadId", leadId);
            items.add(item);
        }
        Task task = task(meeting.get("processInstanceId").asText(), ResearchMeeting.Step.RECORD_MEETING);
        completeOk("center", task, Map.of("heldOn", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(),
                "attendees", "分管副县长（主持）、投资促进中心、发改局、生态环境分局", "itemDecisions", items));
    }

    protected static Map<String, Object> valid(String unit, String leader) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("decision", "VALID");
        item.put("reason", "符合产业导向");
        item.put("responsibleUnit", unit);
        item.put("taskForceLeader", leader);
        return item;
    }

    /**
     * A T1 project (no land) through landing approval: the joint opinion signed by {@code deputy}, who then negotiates
     * the agreement, now waiting for its first draft.
     */
    protected long approvedProject(String company, String projectName) {
        return approvedProject("group-chengdong", company, projectName);
    }

    /** The same, for a lead reported by {@code reportingUnit}. */
    protected long approvedProject(String reportingUnit, String company, String projectName) {
        Map<String, Object> application = new LinkedHashMap<>(application("INDUSTRIAL", null));
        application.put("companyName", company);
        application.put("projectName", projectName);
        application.put("projectId", negotiatingProject(reportingUnit, company, projectName));
        application.put("jointOpinion", "建议同意落地");
        Response submitted = post("/api/landing-applications", "deputy", application);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String approval = submitted.json().get("processInstanceId").asText();
        completeOk("countyhead", task(approval, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD), Map.of("decision", "APPROVE"));
        completeOk("deputy", task(approval, LandingApproval.Step.APPROVE_BY_DEPUTY_HEAD), Map.of("decision", "APPROVE"));
        return submitted.json().get("projectId").asLong();
    }

    /**
     * Signs an approved project's agreement ({@link #approvedProject}): {@code deputy} uploads a draft, the justice
     * bureau passes it, {@code deputy} signs it today for {@code agreedInvestmentWan}. Returns the project's id.
     */
    protected long sign(long projectId, int agreedInvestmentWan) {
        String agreement = get("/api/projects/" + projectId + "/agreement", "deputy").json().get("processInstanceId")
                .asText();
        Response draft = postFile("/api/projects/" + projectId + "/agreement/drafts", "deputy",
                Map.of("signingParty", "GOVERNMENT"), "file", "协议.pdf", AgreementToFulfilmentIT.pdf());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        completeOk("justice", task(agreement, AgreementReview.Step.REVIEW_BY_JUSTICE), Map.of("decision", "PASS"));
        completeOk("deputy", task(agreement, AgreementReview.Step.SIGN_AGREEMENT), Map.of("contractNumber",
                "测协〔" + projectId + "〕号", "signedOn", EngineClock.today().toString(), "agreedInvestmentWan",
                agreedInvestmentWan));
        return projectId;
    }

    protected long projectOf(long leadId) {
        return projects.findByLeadId(leadId).get(0).getId();
    }
}
