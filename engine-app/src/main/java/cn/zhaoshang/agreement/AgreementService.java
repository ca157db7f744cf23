package cn.zhaoshang.agreement;

import cn.zhaoshang.system.EngineClock;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectStatus;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.task.TaskActionService;

import static cn.zhaoshang.agreement.AgreementReview.Var;

/**
 * The investment agreement of an approved project (谈判签约): opened when landing approval passes, drafts uploaded by
 * the negotiator (DOCX or PDF, size-checked, every version kept with its SHA-256), reviewed in Process_AgreementReview.
 */
@Service
public class AgreementService {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PDF = "application/pdf";

    private final AgreementMapper agreements;
    private final ProjectLedger projectLedger;
    private final RuntimeService runtimeService;
    private final TaskActionService tasks;
    private final ObjectMapper json;
    private final long maxDraftBytes;
    private final Visibility visibility;

    public AgreementService(AgreementMapper agreements, ProjectLedger projectLedger, RuntimeService runtimeService,
            TaskActionService tasks, ObjectMapper json,
            @Value("${zhaoshang.agreement.max-draft-bytes:20971520}") long maxDraftBytes, Visibility visibility) {
        this.visibility = visibility;
        this.agreements = agreements;
        this.projectLedger = projectLedger;
        this.runtimeService = runtimeService;
        this.tasks = tasks;
        this.json = json;
        this.maxDraftBytes = maxDraftBytes;
    }

    /** Landing approval passed: the negotiator (whoever signed the joint opinion) drafts the agreement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Agreement open(Project project, String negotiator) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(Var.PROJECT_ID, project.getId());
        variables.put(Var.COMPANY_NAME, project.getCompanyName());
        variables.put(Var.PROJECT_NAME, project.getProjectName());
        variables.put(Var.NEGOTIATOR, negotiator);
        variables.put(Var.DRAFT_VERSION, 0);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(AgreementReview.PROCESS_KEY,
                String.valueOf(project.getId()), variables);
        AgreementMapper.NewAgreement agreement = new AgreementMapper.NewAgreement(project.getId(), negotiator,
                instance.getId(), EngineClock.now());
        agreements.insert(agreement);
        projectLedger.changeStatus(project.getId(), ProjectStatus.AGREEMENT_REVIEW, negotiator,
                "落地审批通过，进入谈判签约：由 " + negotiator + " 起草投资协议");
        return agreements.findById(agreement.getId()).orElseThrow();
    }

    /**
     * A draft (first or revised) from the negotiator: checked, stored as the next version, and the open draft task
     * completed with it (the first draft also says who signs for our side).
     */
    @Transactional
    public AgreementDraft uploadDraft(long projectId, String fileName, byte[] content, String signingParty, String note,
            String userId) {
        visibility.requireProject(projectId);
        Agreement agreement = agreements.findLatestOfProject(projectId).filter(a -> "IN_REVIEW".equals(a.status()))
                .orElseThrow(() -> ApiException.conflict("NO_AGREEMENT_IN_REVIEW",
                        "该项目没有正在起草或审查的投资协议 / The project has no agreement in drafting or review"));
        if (!userId.equals(agreement.negotiator())) {
            throw ApiException.forbidden("只有协议起草人 " + agreement.negotiator() + " 可以上传草案 / Only the negotiator "
                    + agreement.negotiator() + " uploads drafts");
        }
        String contentType = checkFile(fileName, content);
        Optional<String> submit = tasks.openTaskId(agreement.processInstanceId(), AgreementReview.Step.SUBMIT_DRAFT);
        Optional<String> revise = tasks.openTaskId(agreement.processInstanceId(), AgreementReview.Step.REVISE_DRAFT);
        if (submit.isEmpty() && revise.isEmpty()) {
            throw ApiException.conflict("DRAFT_UNDER_REVIEW", "草案正在审查中，审查意见退回后才能上传修改稿 / The draft is under "
                    + "review; a new draft can be uploaded when it is sent back");
        }
        if (note != null && note.length() > 2000) {
            throw ApiException.validation(List.of(new FieldError("note", "说明不能超过 2000 字 / note too long")));
        }
        int version = agreements.latestDraftVersion(agreement.id()) + 1;
        String sha256 = sha256(content);
        agreements.insertDraft(new AgreementMapper.NewDraft(agreement.id(), version, fileName, contentType,
                content.length, sha256, content, note, userId, EngineClock.now()));
        projectLedger.note(projectId, "AGREEMENT_DRAFT_UPLOADED", userId,
                "上传协议草案第 " + version + " 版：" + fileName + "（SHA-256 " + sha256.substring(0, 12) + "…）");
        Map<String, Object> body = new LinkedHashMap<>();
        if (submit.isPresent()) {
            body.put(Var.SIGNING_PARTY, signingParty);
            tasks.complete(submit.get(), json.valueToTree(body), userId);
        } else {
            body.put(Var.DECISION, "RESUBMIT");
            body.put(Var.OPINION, note);
            tasks.complete(revise.get(), json.valueToTree(body), userId);
        }
        return agreements.findDrafts(agreement.id()).stream().filter(d -> d.version() == version).findFirst()
                .orElseThrow();
    }

    /** A draft as uploaded, with its file. */
    public record DraftFile(AgreementDraft draft, byte[] content) {
    }

    /** The project's latest agreement with its drafts and reviews, for whoever may read the project (else 404). */
    @Transactional(readOnly = true)
    public Optional<Agreement> agreementOf(long projectId) {
        visibility.requireProject(projectId);
        return agreements.findLatestOfProject(projectId);
    }

    /**
     * One draft of the project's (latest) agreement, for download by whoever may read the project (security/Visibility;
     * else 404): the REST API and the workbench's project page serve the same file under the same rule.
     */
    @Transactional(readOnly = true)
    public DraftFile draftFile(long projectId, int version) {
        visibility.requireProject(projectId);
        Agreement agreement = agreements.findLatestOfProject(projectId).orElseThrow(() -> ApiException.notFound(
                "项目 " + projectId + " 还没有投资协议 / Project " + projectId + " has no agreement"));
        AgreementDraft draft = agreements.findDrafts(agreement.id()).stream().filter(d -> d.version() == version)
                .findFirst().orElseThrow(() -> ApiException.notFound("草案第 " + version + " 版不存在 / No draft " + version));
        return new DraftFile(draft, agreements.findDraftContent(agreement.id(), version).orElseThrow());
    }

    private String checkFile(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase();
        if (content == null || content.length == 0) {
            throw ApiException.validation(List.of(new FieldError("file", "请选择协议草案文件 / The draft file is empty")));
        }
        if (content.length > maxDraftBytes) {
            throw ApiException.validation(List.of(new FieldError("file", "文件不能超过 " + maxDraftBytes / 1024 / 1024
                    + " MB / The file is larger than " + maxDraftBytes / 1024 / 1024 + " MB")));
        }
        // the extension and the first bytes must agree: a DOCX is a ZIP ("PK\3\4"), a PDF starts with "%PDF-"
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        boolean pdf = content.length > 5 && new String(content, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-");
        if (name.endsWith(".docx") && zip) {
            return DOCX;
        }
        if (name.endsWith(".pdf") && pdf) {
            return PDF;
        }
        throw ApiException.validation(List.of(new FieldError("file",
                "协议草案只能是 Word（.docx）或 PDF 文件 / The draft must be a .docx or .pdf file")));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
