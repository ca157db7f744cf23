package cn.zhaoshang.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.system.WithoutAuthorization;

/**
 * Who may see or work on a task, decided once for the workbench and the API. An open task: its assignee and, while
 * nobody holds it, its candidates may work on it; whoever the engine lets read it (the candidate group while someone
 * else holds it, administrators) may read it. A completed task: who completed it, its candidate groups and
 * administrators may read it. Either way a 抄送 recipient may read it. Comments and attachments have no engine
 * authorization of their own, so every read of them goes through here first.
 */
@Component
class TaskAccess {

    /** READ: see the task, its form values, comments and attachments; WORK: also complete, transfer, copy, attach. */
    enum Level { READ, WORK }

    /** The task as the engine has it (open) or had it (completed), read as the system, with the caller's level. */
    record Checked(Task open, HistoricTaskInstance completed, List<String> candidateGroups, List<String> candidateUsers,
            Level level) {

        boolean isOpen() {
            return open != null;
        }

        String id() {
            return open != null ? open.getId() : completed.getId();
        }

        String name() {
            return open != null ? open.getName() : completed.getName();
        }

        String stepId() {
            return open != null ? open.getTaskDefinitionKey() : completed.getTaskDefinitionKey();
        }

        String processInstanceId() {
            return open != null ? open.getProcessInstanceId() : completed.getProcessInstanceId();
        }

        String processDefinitionId() {
            return open != null ? open.getProcessDefinitionId() : completed.getProcessDefinitionId();
        }

        String assignee() {
            return open != null ? open.getAssignee() : completed.getAssignee();
        }
    }

    private final TaskService taskService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final TaskCopyMapper copies;

    TaskAccess(TaskService taskService, HistoryService historyService, IdentityService identityService,
            TaskCopyMapper copies) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.copies = copies;
    }

    /**
     * The open task's links, or null when someone else completed it between the two reads (a lost race): the task is
     * then read as the completed one it now is, instead of the engine's "task is null" becoming a 500.
     */
    private List<IdentityLink> linksOrNull(String taskId) {
        try {
            return system(() -> taskService.getIdentityLinksForTask(taskId));
        } catch (NullValueException e) {
            return null;
        }
    }

    /** The task and what the user may do with it; 404 for no such task, 403 when the user may not even read it. */
    Checked check(String taskId, String userId) {
        List<String> groups = groupsOf(userId);
        Task open = system(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
        List<IdentityLink> links = open == null ? null : linksOrNull(taskId);
        if (open != null && links != null) {
            List<String> candidateGroups = new ArrayList<>();
            List<String> candidateUsers = new ArrayList<>();
            for (IdentityLink link : links) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    if (link.getGroupId() != null) {
                        candidateGroups.add(link.getGroupId());
                    } else if (link.getUserId() != null) {
                        candidateUsers.add(link.getUserId());
                    }
                }
            }
            boolean candidate = candidateUsers.contains(userId) || candidateGroups.stream().anyMatch(groups::contains);
            Level level;
            if (userId.equals(open.getAssignee()) || (open.getAssignee() == null && candidate)) {
                level = Level.WORK;
            } else if (engineLetsRead(taskId) || copies.exists(taskId, userId)) {
                level = Level.READ;
            } else {
                throw forbidden();
            }
            return new Checked(open, null, candidateGroups, candidateUsers, level);
        }
        HistoricTaskInstance completed = system(() -> historyService.createHistoricTaskInstanceQuery().taskId(taskId)
                .singleResult());
        if (completed == null) {
            throw ApiException.notFound("任务 " + taskId + " 不存在 / Task " + taskId + " not found");
        }
        List<String> candidateGroups = system(() -> historyService.createHistoricIdentityLinkLogQuery().taskId(taskId)
                .type(IdentityLinkType.CANDIDATE).unlimitedList()).stream()
                .map(HistoricIdentityLinkLog::getGroupId).filter(java.util.Objects::nonNull).distinct().toList();
        boolean mayRead = userId.equals(completed.getAssignee()) || candidateGroups.stream().anyMatch(groups::contains)
                || groups.contains(Groups.ADMIN) || groups.contains(Groups.CAMUNDA_ADMIN) || copies.exists(taskId, userId);
        if (!mayRead) {
            throw forbidden();
        }
        return new Checked(null, completed, candidateGroups, List.of(), Level.READ);
    }

    /** The open task, for working on it: 409 when it is completed, 403 when the user may only read it. */
    Checked checkWork(String taskId, String userId) {
        Checked task = check(taskId, userId);
        if (!task.isOpen()) {
            throw ApiException.conflict("TASK_ALREADY_COMPLETED", "该任务已办结 / The task has already been completed");
        }
        if (task.level() != Level.WORK) {
            if (task.assignee() != null) {
                throw ApiException.conflict("TASK_CLAIMED_BY_OTHER", "该任务已被 " + task.assignee() + " 认领 / The task "
                        + "is already claimed by " + task.assignee());
            }
            throw ApiException.forbidden("无权办理该任务 / You may not work on this task");
        }
        return task;
    }

    /** The user's groups: those of the request's engine authentication when it is theirs, otherwise looked up. */
    List<String> groupsOf(String userId) {
        Authentication current = identityService.getCurrentAuthentication();
        if (current != null && userId.equals(current.getUserId()) && current.getGroupIds() != null) {
            return current.getGroupIds();
        }
        return system(() -> identityService.createGroupQuery().groupMember(userId).unlimitedList()).stream()
                .map(Group::getId).toList();
    }

    boolean isMemberOfAny(String userId, Collection<String> groupIds) {
        return groupIds.stream().anyMatch(group -> system(() ->
                identityService.createUserQuery().userId(userId).memberOfGroup(group).count()) > 0);
    }

    /** Under the caller's own engine authorizations: candidates and administrators, as Camunda decides. */
    private boolean engineLetsRead(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).count() > 0;
    }

    private <T> T system(java.util.function.Supplier<T> call) {
        return WithoutAuthorization.run(identityService, call);
    }

    private static ApiException forbidden() {
        return ApiException.forbidden("无权查看该任务 / You may not see this task");
    }
}
