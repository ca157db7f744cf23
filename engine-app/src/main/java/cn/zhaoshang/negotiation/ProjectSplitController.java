package cn.zhaoshang.negotiation;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhaoshang.lead.LeadMapper;
import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.ledger.ProjectStatus;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Callers;
import cn.zhaoshang.system.Groups;

/**
 * {@code POST /api/projects/{id}/split}: one lead becomes several projects only this way — by the investment center,
 * with a reason, recorded on the lead and both projects (xuancheng-2019 §三.1 明确项目不得拆分 otherwise).
 */
@RestController
@RequestMapping(path = "/api/projects", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectSplitController {

    private final NegotiationService negotiations;
    private final ProjectMapper projects;
    private final LeadMapper leads;

    ProjectSplitController(NegotiationService negotiations, ProjectMapper projects, LeadMapper leads) {
        this.negotiations = negotiations;
        this.projects = projects;
        this.leads = leads;
    }

    record SplitRequest(String projectName, String reason) {
    }

    record Split(long projectId, long splitFromProjectId, long leadId) {
    }

    @PostMapping(path = "/{id}/split", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ResponseEntity<Split> split(@PathVariable long id, @RequestBody SplitRequest request, Authentication caller) {
        Callers.requireAnyGroup(caller, "只有投资促进中心可以拆分项目 / Only the investment center may split a project",
                Groups.INVESTMENT_CENTER);
        List<FieldError> errors = new ArrayList<>();
        if (request.projectName() == null || request.projectName().isBlank() || request.projectName().length() > 200) {
            errors.add(new FieldError("projectName", "请填写拆分出的项目名称（不超过 200 字）/ projectName is required"));
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 1000) {
            errors.add(new FieldError("reason", "拆分必须说明理由（不超过 1000 字）/ reason is required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Project from = projects.lockById(id).orElseThrow(() -> ApiException.notFound(
                "项目 " + id + " 不存在 / Project " + id + " not found"));
        if (from.getLeadId() == null || from.getStatus() != ProjectStatus.NEGOTIATING) {
            throw ApiException.conflict("PROJECT_NOT_IN_NEGOTIATION",
                    "只有考察洽谈中的项目可以拆分 / Only a project in negotiation can be split");
        }
        Project split = negotiations.split(leads.findById(from.getLeadId()).orElseThrow(), from,
                request.projectName().strip(), request.reason().strip(), caller.getName());
        return ResponseEntity.created(URI.create("/api/projects/" + split.getId()))
                .body(new Split(split.getId(), from.getId(), from.getLeadId()));
    }
}
