package cn.zhaoshang.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import cn.zhaoshang.agreement.AgreementDraft;
import cn.zhaoshang.agreement.AgreementService;
import cn.zhaoshang.meeting.MeetingMapper;
import cn.zhaoshang.meeting.StoredMinutes;

/**
 * A project's page (/projects/{id}) and a lead's (/ledger/leads/{id}): the facts, the process diagrams with the steps
 * passed and the current step marked, the ledger's timeline, the sign-offs with their opinions and the documents. The
 * documents download through the workbench's session, under the same rule as their API counterparts (whoever may read
 * the project or lead, security/Visibility): agreement drafts through {@link AgreementService}, minutes of the meetings
 * that decided the lead (for one who may read every lead the minutes name).
 */
@Controller
class ProjectPageController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final CaseFiles files;
    private final AgreementService agreements;
    private final MeetingMapper meetings;

    ProjectPageController(CaseFiles files, AgreementService agreements, MeetingMapper meetings) {
        this.files = files;
        this.agreements = agreements;
        this.meetings = meetings;
    }

    @GetMapping("/projects/{id}")
    ModelAndView project(@PathVariable long id) {
        return new ModelAndView("projects/case", "file", files.project(id));
    }

    @GetMapping("/ledger/leads/{id}")
    ModelAndView lead(@PathVariable long id) {
        return new ModelAndView("projects/case", "file", files.lead(id));
    }

    /** 协议草案: one version of the project's agreement draft, as uploaded (same as GET /api/projects/{id}/agreement/drafts/{v}). */
    @GetMapping("/projects/{id}/drafts/{version}")
    ResponseEntity<byte[]> draft(@PathVariable long id, @PathVariable int version) {
        AgreementService.DraftFile file = agreements.draftFile(id, version);
        AgreementDraft draft = file.draft();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(draft.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(draft.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Checksum-SHA256", draft.sha256())
                .body(file.content());
    }

    /** 会议纪要 of a research meeting that had the project's lead on its agenda. */
    @GetMapping("/projects/{id}/minutes/{meetingId}")
    ResponseEntity<byte[]> projectMinutes(@PathVariable long id, @PathVariable long meetingId) {
        return minutes(files.leadOf(id), meetingId);
    }

    @GetMapping("/ledger/leads/{id}/minutes/{meetingId}")
    ResponseEntity<byte[]> leadMinutes(@PathVariable long id, @PathVariable long meetingId) {
        return minutes(id, meetingId);
    }

    private ResponseEntity<byte[]> minutes(Long leadId, long meetingId) {
        files.requireMinutes(leadId, meetingId);
        StoredMinutes minutes = meetings.findMinutes(meetingId).orElseThrow();
        return ResponseEntity.ok()
                .contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(minutes.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(minutes.content());
    }
}
