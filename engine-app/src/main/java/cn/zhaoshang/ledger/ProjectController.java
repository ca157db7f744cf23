package cn.zhaoshang.ledger;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiException;

@RestController
@RequestMapping(path = "/api/projects", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectController {

    private final ProjectMapper projects;
    private final ApprovalRecordMapper approvals;
    private final LedgerEventMapper events;
    private final Visibility visibility;

    ProjectController(ProjectMapper projects, ApprovalRecordMapper approvals, LedgerEventMapper events,
            Visibility visibility) {
        this.visibility = visibility;
        this.projects = projects;
        this.approvals = approvals;
        this.events = events;
    }

    /** The project with its status, tier, the sign-offs in order and the ledger; 404 outside the caller's scope. */
    @GetMapping("/{id}")
    ProjectDetail get(@PathVariable long id) {
        visibility.requireProject(id);
        Project project = projects.findById(id)
                .orElseThrow(() -> ApiException.notFound("项目 " + id + " 不存在 / Project " + id + " not found"));
        return new ProjectDetail(project, project.getStatus().label(), approvals.findByProjectId(id),
                events.findByProjectId(id));
    }

    record ProjectDetail(@com.fasterxml.jackson.annotation.JsonUnwrapped Project project, String statusLabel,
            List<ApprovalRecord> approvals, List<LedgerEvent> ledger) {
    }
}
