package cn.zhaoshang.meeting;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Callers;
import cn.zhaoshang.system.Groups;

/**
 * Research meetings: ask for an ad-hoc one, read one with its agenda and decisions, download its minutes. What the
 * caller may read (security/Visibility): the meetings with a lead of theirs on the agenda, of each agenda those leads,
 * and the minutes (which name every lead decided) when they may read every lead on it.
 */
@RestController
@RequestMapping(path = "/api/meetings", produces = MediaType.APPLICATION_JSON_VALUE)
class MeetingController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final MeetingRequests requests;
    private final MeetingMapper meetings;
    private final AgendaForm agenda;
    private final Visibility visibility;

    MeetingController(MeetingRequests requests, MeetingMapper meetings, AgendaForm agenda, Visibility visibility) {
        this.visibility = visibility;
        this.requests = requests;
        this.meetings = meetings;
        this.agenda = agenda;
    }

    record AdHocRequest(String reason) {
    }

    /** 临时研判会议: the investment center convenes one now; it takes every waiting lead onto its agenda. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ResponseEntity<MeetingDetail> requestAdHoc(@RequestBody AdHocRequest request, Authentication caller) {
        Callers.requireAnyGroup(caller, "只有投资促进中心可以召集研判会议 / Only the investment center convenes research "
                + "meetings", Groups.INVESTMENT_CENTER);
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
            throw ApiException.validation(List.of(new FieldError("reason",
                    "请说明召集临时研判会议的事由（不超过 500 字）/ reason is required (at most 500 characters)")));
        }
        ProcessInstance instance = requests.requestAdHoc(caller.getName(), request.reason().strip(), null);
        long meetingId = Long.parseLong(instance.getBusinessKey());
        return ResponseEntity.created(URI.create("/api/meetings/" + meetingId)).body(detail(meetingId));
    }

    @GetMapping
    List<Meeting> recent() {
        return meetings.findRecent(visibility.scope(), 50);
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    MeetingDetail get(@PathVariable long id) {
        return detail(id);
    }

    /** 会议纪要 as the DOCX that was issued. */
    @GetMapping(path = "/{id}/minutes", produces = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    ResponseEntity<byte[]> minutes(@PathVariable long id) {
        visibility.requireMeeting(id);
        if (!visibility.canReadMinutes(id)) {
            throw ApiException.forbidden("会议纪要涉及您无权查看的其他线索，请向投资促进中心索取 / The minutes name leads "
                    + "you may not read; ask the investment center");
        }
        StoredMinutes minutes = meetings.findMinutes(id).orElseThrow(() -> ApiException.notFound(
                "会议 " + id + " 没有会议纪要 / Meeting " + id + " has no minutes"));
        return ResponseEntity.ok()
                .contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(minutes.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(minutes.content());
    }

    /** The meeting with the agenda rows the caller may read; the minutes' address if they may read the minutes. */
    private MeetingDetail detail(long id) {
        visibility.requireMeeting(id);
        Meeting meeting = meetings.findById(id)
                .orElseThrow(() -> ApiException.notFound("会议 " + id + " 不存在 / Meeting " + id + " not found"));
        List<Map<String, Object>> rows = agenda.rows(id);
        Set<Long> readable = visibility.visibleLeads(rows.stream().map(row -> (Long) row.get("leadId")).toList());
        return new MeetingDetail(meeting, MeetingKind.valueOf(meeting.kind()).label(),
                rows.stream().filter(row -> readable.contains((Long) row.get("leadId"))).toList(),
                meetings.findMinutes(id).isPresent() && visibility.canReadMinutes(id) ? "/api/meetings/" + id + "/minutes"
                        : null);
    }

    record MeetingDetail(@com.fasterxml.jackson.annotation.JsonUnwrapped Meeting meeting, String kindLabel,
            List<Map<String, Object>> agenda, String minutesUrl) {
    }
}
