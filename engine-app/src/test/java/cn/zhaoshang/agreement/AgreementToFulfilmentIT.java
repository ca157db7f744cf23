package cn.zhaoshang.agreement;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.fulfilment.Fulfilment;
import cn.zhaoshang.support.LifecycleIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From an approved project to a signed agreement and its first fulfilment milestone, through REST: the negotiator
 * uploads a draft, the justice bureau asks for a revision, the revised draft goes back to it and passes, the
 * agreement is signed, the milestones are planned and the carrier records the first one.
 */
public class AgreementToFulfilmentIT extends LifecycleIT {

    @Test
    void approvedProject_draft_revised_passed_signed_firstMilestoneRecorded() throws Exception {
        // an approved T1 project (its joint opinion signed by deputy, who negotiates the agreement)
        Map<String, Object> application = new java.util.LinkedHashMap<>(application("SERVICE", 10));
        application.put("projectId", negotiatingProject("磐安县𠮷祥农旅开发有限公司", "花溪民宿综合体"));
        application.put("jointOpinion", "建议同意落地");
        Response submitted = post("/api/landing-applications", "deputy", application);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        long projectId = submitted.json().get("projectId").asLong();
        String approval = submitted.json().get("processInstanceId").asText();
        completeOk("countyhead", task(approval, LandingApproval.Step.CONSENT_BY_COUNTY_HEAD), Map.of("decision", "APPROVE"));
        completeOk("deputy", task(approval, LandingApproval.Step.APPROVE_BY_DEPUTY_HEAD), Map.of("decision", "APPROVE"));
        JsonNode agreement = get("/api/projects/" + projectId + "/agreement", "deputy").json();
        assertThat(agreement.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(agreement.get("negotiator").asText()).isEqualTo("deputy");
        String process = agreement.get("processInstanceId").asText();
        String drafts = "/api/projects/" + projectId + "/agreement/drafts";

        // bad uploads are refused and nothing is stored
        assertThat(postFile(drafts, "deputy", Map.of("signingParty", "GOVERNMENT"), "file", "协议.docx",
                "不是 Word 文件".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(postFile(drafts, "deputy", Map.of("signingParty", "GOVERNMENT"), "file", "协议.exe", pdf()).status())
                .isEqualTo(400);
        assertThat(postFile(drafts, "countyhead", Map.of("signingParty", "GOVERNMENT"), "file", "协议.docx", docx("v1"))
                .status()).isEqualTo(403);
        assertThat(postFile(drafts, "deputy", Map.of("signingParty", "NOBODY"), "file", "协议.docx", docx("v1")).status())
                .isEqualTo(400);
        assertThat(get("/api/projects/" + projectId + "/agreement", "deputy").json().get("drafts")).isEmpty();

        // draft 1 in the government's name → 司法局 asks for a revision
        Response first = postFile(drafts, "deputy", Map.of("signingParty", "GOVERNMENT", "note", "初稿"), "file",
                "投资协议（初稿）.docx", docx("初稿"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("sha256").asText()).hasSize(64);
        Task review = task(process, AgreementReview.Step.REVIEW_BY_JUSTICE);
        assertThat(review.getDueDate()).isNotNull();
        assertThat(complete("justice", review, Map.of("decision", "REVISE")).status()).as("needs the points").isEqualTo(400);
        completeOk("justice", review, Map.of("decision", "REVISE", "opinion", "第八条违约责任表述不明确"));
        assertThat(postFile(drafts, "deputy", Map.of(), "file", "投资协议（初稿）.docx", docx("初稿")).status())
                .isEqualTo(201);

        // the revised draft goes back to the same reviewer, who passes it
        completeOk("justice", task(process, AgreementReview.Step.REVIEW_BY_JUSTICE),
                Map.of("decision", "PASS", "opinion", "经审查，协议内容合法"));
        JsonNode reviewed = get("/api/projects/" + projectId + "/agreement", "deputy").json();
        assertThat(reviewed.get("drafts")).hasSize(2);
        assertThat(reviewed.get("reviews").findValuesAsText("decision")).containsExactly("REVISE", "PASS");
        assertThat(reviewed.get("reviews").findValuesAsText("draftVersion")).containsExactly("1", "2");
        Response download = get(drafts + "/2", "justice");
        assertThat(download.status()).isEqualTo(200);

        // 签约: construction defaults to six months after signing (chenzhou §3)
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Task sign = task(process, AgreementReview.Step.SIGN_AGREEMENT);
        assertThat(complete("deputy", sign, Map.of("contractNumber", "磐招协〔2026〕8号", "signedOn", "2999-01-01",
                "agreedInvestmentWan", 8000)).status()).isEqualTo(400);
        completeOk("deputy", sign, Map.of("contractNumber", "磐招协〔2026〕8号", "signedOn", today, "agreedInvestmentWan", 8000));
        JsonNode signed = get("/api/projects/" + projectId + "/agreement", "deputy").json();
        assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.get("constructionDueOn").asText())
                .isEqualTo(LocalDate.parse(today).plusMonths(6).toString());
        assertThat(get("/api/projects/" + projectId, "center").json().get("status").asText()).isEqualTo("SIGNED");

        // 履约: the first milestone (注册) is waiting for the carrier, who records it
        String fulfilment = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(Fulfilment.PROCESS_KEY).processInstanceBusinessKey(String.valueOf(projectId))
                .singleResult().getId();
        Task milestone = task(fulfilment, Fulfilment.Step.RECORD_MILESTONE);
        assertThat(runtimeService.getVariable(fulfilment, Fulfilment.Var.NEXT_MILESTONE)).isEqualTo("REGISTERED");
        completeOk("carrier", milestone, Map.of("reachedOn", today, "evidence", "营业执照（统一社会信用代码 913307…）"));
        assertThat(runtimeService.getVariable(fulfilment, Fulfilment.Var.NEXT_MILESTONE)).as("10 亩: land supply next").isEqualTo("LAND_SUPPLIED");
        JsonNode project = get("/api/projects/" + projectId, "center").json();
        assertThat(project.get("ledger").findValuesAsText("eventType")).containsSubsequence("AGREEMENT_DRAFT_UPLOADED",
                "AGREEMENT_REVIEWED", "AGREEMENT_DRAFT_UPLOADED", "AGREEMENT_REVIEWED", "STATUS_CHANGED",
                "FULFILMENT_PLANNED", "MILESTONE_REACHED");
    }

    public static byte[] docx(String text) throws Exception {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("投资协议 " + text);
            document.write(out);
            return out.toByteArray();
        }
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }
}
