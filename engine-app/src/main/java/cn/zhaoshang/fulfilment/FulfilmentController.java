package cn.zhaoshang.fulfilment;

import cn.zhaoshang.system.EngineClock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
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

import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.ledger.ProjectStatus;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Callers;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.system.WithoutAuthorization;

/** 履约: milestones with their warnings, the carrier's monthly progress update, an assessment on demand. */
@RestController
@RequestMapping(path = "/api/projects/{projectId}", produces = MediaType.APPLICATION_JSON_VALUE)
class FulfilmentController {

    private final MilestoneMapper milestones;
    private final ProjectMapper projects;
    private final ProjectLedger ledger;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final Visibility visibility;

    FulfilmentController(MilestoneMapper milestones, ProjectMapper projects, ProjectLedger ledger,
            RuntimeService runtimeService, IdentityService identityService, Visibility visibility) {
        this.visibility = visibility;
        this.milestones = milestones;
        this.projects = projects;
        this.ledger = ledger;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    record MilestoneView(Milestone milestone, String label, boolean overdue) {
    }

    record FulfilmentView(List<MilestoneView> milestones, List<ProgressUpdate> progress) {
    }

    @GetMapping("/milestones")
    FulfilmentView milestones(@PathVariable long projectId) {
        project(projectId);
        LocalDate today = EngineClock.today();
        return new FulfilmentView(milestones.findByProject(projectId).stream()
                .map(m -> new MilestoneView(m, Milestone.label(m.milestone()),
                        m.reachedOn() == null && m.dueOn().isBefore(today)))
                .toList(), milestones.findProgress(projectId));
    }

    record ProgressBody(String note) {
    }

    /** 月度进度更新 by the carrier (or the task force): keeps the project from being flagged stale. */
    @PostMapping(path = "/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ResponseEntity<Void> progress(@PathVariable long projectId, @RequestBody ProgressBody body, Authentication caller) {
        Callers.requireAnyGroup(caller, "只有落户载体或招引专班可以更新履约进度 / Only the carrier or the task force updates "
                + "progress", Groups.CARRIER, Groups.TASK_FORCE);
        Project project = project(projectId);
        if (project.getStatus() != ProjectStatus.SIGNED) {
            throw ApiException.conflict("NOT_IN_FULFILMENT", "项目不在履约阶段 / The project is not in fulfilment");
        }
        if (body.note() == null || body.note().isBlank() || body.note().length() > 2000) {
            throw ApiException.validation(List.of(new FieldError("note", "请填写进度情况（不超过 2000 字）/ note is required")));
        }
        milestones.insertProgress(projectId, "UPDATE", project.getResponsibleUnit(), body.note().strip(), caller.getName(),
                EngineClock.now());
        ledger.note(projectId, "PROGRESS_UPDATED", caller.getName(), body.note().strip());
        return ResponseEntity.noContent().build();
    }

    /** 履约评估 now rather than at the agreed date (the investment center). */
    @PostMapping("/assessment")
    @Transactional
    ResponseEntity<Void> assessNow(@PathVariable long projectId, Authentication caller) {
        Callers.requireAnyGroup(caller, "只有投资促进中心可以发起履约评估 / Only the investment center starts an assessment",
                Groups.INVESTMENT_CENTER);
        project(projectId);
        try {
            WithoutAuthorization.run(identityService, () -> runtimeService
                    .createMessageCorrelation(Fulfilment.MESSAGE_ASSESS_NOW)
                    .processInstanceBusinessKey(String.valueOf(projectId))
                    .correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            throw ApiException.conflict("NOT_IN_FULFILMENT", "该项目没有正在跟踪的履约或已在评估 / No fulfilment tracking is "
                    + "waiting for an assessment");
        }
        return ResponseEntity.noContent().build();
    }

    /** The project, if the caller may read it (security/Visibility), else 404. */
    private Project project(long projectId) {
        visibility.requireProject(projectId);
        return projects.findById(projectId)
                .orElseThrow(() -> ApiException.notFound("项目 " + projectId + " 不存在 / Project " + projectId + " not found"));
    }
}
