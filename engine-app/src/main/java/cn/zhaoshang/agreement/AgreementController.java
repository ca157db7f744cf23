package cn.zhaoshang.agreement;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;

/** The investment agreement of a project: its drafts (upload, download) and its reviews. */
@RestController
@RequestMapping(path = "/api/projects/{projectId}/agreement", produces = MediaType.APPLICATION_JSON_VALUE)
class AgreementController {

    private final AgreementService service;
    private final AgreementMapper agreements;

    AgreementController(AgreementService service, AgreementMapper agreements) {
        this.service = service;
        this.agreements = agreements;
    }

    @GetMapping
    AgreementDetail get(@PathVariable long projectId) {
        Agreement agreement = service.agreementOf(projectId).orElseThrow(() -> ApiException.notFound(
                "项目 " + projectId + " 还没有投资协议 / Project " + projectId + " has no agreement"));
        return new AgreementDetail(agreement, agreements.findDrafts(agreement.id()), agreements.findReviews(agreement.id()));
    }

    /** Multipart: {@code file} (.docx or .pdf), on the first draft {@code signingParty}, optionally {@code note}. */
    @PostMapping(path = "/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AgreementDraft> upload(@PathVariable long projectId, @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String signingParty, @RequestParam(required = false) String note,
            Authentication caller) throws IOException {
        if (file == null) {
            throw ApiException.validation(List.of(new FieldError("file", "请选择协议草案文件 / file is required")));
        }
        AgreementDraft draft = service.uploadDraft(projectId, file.getOriginalFilename(), file.getBytes(), signingParty,
                note, caller.getName());
        return ResponseEntity.created(URI.create("/api/projects/" + projectId + "/agreement/drafts/" + draft.version()))
                .body(draft);
    }

    @GetMapping(path = "/drafts/{version}", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> download(@PathVariable long projectId, @PathVariable int version) {
        AgreementService.DraftFile file = service.draftFile(projectId, version);
        AgreementDraft draft = file.draft();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(draft.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(draft.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Checksum-SHA256", draft.sha256())
                .body(file.content());
    }

    record AgreementDetail(@com.fasterxml.jackson.annotation.JsonUnwrapped Agreement agreement, List<AgreementDraft> drafts,
            List<AgreementReviewRecord> reviews) {
    }
}
