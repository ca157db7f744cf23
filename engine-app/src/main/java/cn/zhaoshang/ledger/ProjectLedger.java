package cn.zhaoshang.ledger;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.system.EngineClock;

/**
 * Writes project state changes together with their ledger entry. Called from service tasks and listeners,
 * it joins the engine's transaction (MANDATORY), so a step and its record commit or roll back together.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ProjectLedger {

    public static final String SYSTEM_ACTOR = "system";

    private final ProjectMapper projects;
    private final LedgerEventMapper events;

    public ProjectLedger(ProjectMapper projects, LedgerEventMapper events) {
        this.projects = projects;
        this.events = events;
    }

    public Project register(Project project) {
        Instant now = EngineClock.now();
        project.setStatus(ProjectStatus.SUBMITTED);
        project.setCreatedAt(now);
        project.setUpdatedAt(now);
        projects.insert(project);
        append(project.getId(), "SUBMITTED", null, ProjectStatus.SUBMITTED, project.getApplicant(),
                "提交落地审批申请：" + project.getProjectName());
        return project;
    }

    /** A VALID lead becomes a project in negotiation; the event names both, so the project traces to its lead. */
    public Project openFromLead(Project project, String actor, String note) {
        Instant now = EngineClock.now();
        project.setStatus(ProjectStatus.NEGOTIATING);
        project.setCreatedAt(now);
        project.setUpdatedAt(now);
        projects.insert(project);
        events.insert(new LedgerEvent(null, project.getId(), project.getLeadId(), null, "PROJECT_CREATED", null,
                ProjectStatus.NEGOTIATING.name(), actor, note, now));
        return project;
    }

    /** The task force signed the joint review opinion: the landing application goes into approval. */
    public void attachApplication(Project application, String actor) {
        Project project = lock(application.getId());
        if (project.getStatus() != ProjectStatus.NEGOTIATING) {
            throw new IllegalStateException("project " + project.getId() + " is " + project.getStatus() + ", not negotiating");
        }
        application.setStatus(ProjectStatus.SUBMITTED);
        application.setUpdatedAt(EngineClock.now());
        projects.attachApplication(application);
        append(project.getId(), "SUBMITTED", project.getStatus(), ProjectStatus.SUBMITTED, actor,
                "签署考察联审意见，提交落地审批：" + application.getJointOpinion());
    }

    /** An event of the project that the lead's history shows too (the project was split from it, …). */
    public void noteWithLead(long projectId, Long leadId, String eventType, String actor, String note) {
        events.insert(new LedgerEvent(null, projectId, leadId, null, eventType, null, null, actor, note,
                EngineClock.now()));
    }

    public void recordTier(long projectId, String tier, String actor) {
        Project project = lock(projectId);
        projects.updateTierAndStatus(projectId, tier, ProjectStatus.IN_APPROVAL, EngineClock.now());
        append(projectId, "TIER_DETERMINED", project.getStatus(), ProjectStatus.IN_APPROVAL, actor,
                "审批层级：" + tier);
    }

    public void changeStatus(long projectId, ProjectStatus to, String actor, String note) {
        Project project = lock(projectId);
        projects.updateStatus(projectId, to, EngineClock.now());
        append(projectId, "STATUS_CHANGED", project.getStatus(), to, actor, note);
    }

    public void reviseApplication(Project revised, String actor) {
        Project project = lock(revised.getId());
        revised.setUpdatedAt(EngineClock.now());
        projects.updateApplication(revised);
        append(revised.getId(), "REVISED", project.getStatus(), project.getStatus(), actor, "申请材料已修改并重新提交");
    }

    /** An event that does not change the status (reminder, escalation). */
    public void note(long projectId, String eventType, String actor, String note) {
        append(projectId, eventType, null, null, actor, note);
    }

    /**
     * An event of a project, of an enterprise appeal, or of an appeal about a project (it then shows in both ledgers):
     * for steps that serve either, such as the supervision office's 督办.
     */
    public void noteOn(Long projectId, Long appealId, String eventType, String actor, String note) {
        if (projectId == null && appealId == null) {
            throw new IllegalStateException(eventType + " belongs to neither a project nor an appeal");
        }
        events.insert(new LedgerEvent(null, projectId, null, appealId, eventType, null, null, actor, note,
                EngineClock.now()));
    }

    public Project lock(long projectId) {
        return projects.lockById(projectId)
                .orElseThrow(() -> new IllegalStateException("project " + projectId + " does not exist"));
    }

    private void append(long projectId, String type, ProjectStatus from, ProjectStatus to, String actor, String note) {
        events.insert(new LedgerEvent(null, projectId, null, null, type, from == null ? null : from.name(),
                to == null ? null : to.name(), actor, note, EngineClock.now()));
    }

}
