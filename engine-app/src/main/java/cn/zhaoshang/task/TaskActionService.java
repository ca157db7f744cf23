package cn.zhaoshang.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.approval.ApprovalDecision;
import cn.zhaoshang.system.InvalidInputException;
import cn.zhaoshang.approval.LandingApplicationService;
import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.approval.RevisionDecision;
import cn.zhaoshang.ledger.Project;
import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.ConcurrencyFailures;

import static cn.zhaoshang.approval.LandingApproval.Var;

/**
 * Claim and complete for officials. Runs with the engine acting as the caller, so Camunda's authorizations
 * decide who may work on a task; races between two officials end with exactly one winner and a 409.
 */
@Service
public class TaskActionService {

    static final int PAGE_SIZE = 200;

    private final TaskService taskService;
    private final TaskProbe probe;
    private final ProjectMapper projects;

    TaskActionService(TaskService taskService, TaskProbe probe, ProjectMapper projects) {
        this.taskService = taskService;
        this.probe = probe;
        this.projects = projects;
    }

    /** {@code mine}: assigned to me; {@code group}: unclaimed tasks of my groups. Earliest due first. */
    @Transactional(readOnly = true)
    public List<TaskView> list(String scope, String userId) {
        TaskQuery query = taskService.createTaskQuery().active();
        switch (scope) {
            case "mine" -> query.taskAssignee(userId);
            case "group" -> query.taskCandidateUser(userId);
            default -> throw ApiException.validation(List.of(new FieldError("scope",
                    "scope 只能是 mine（我的待办）或 group（待认领）/ scope must be mine or group")));
        }
        List<Task> tasks = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, PAGE_SIZE);
        Map<String, Project> byInstance = projects.findByProcessInstanceIds(
                        tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Project::getProcessInstanceId, Function.identity()));
        Date now = ClockUtil.getCurrentTime();
        List<TaskView> views = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            Project project = byInstance.get(task.getProcessInstanceId());
            views.add(new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                    project == null ? null : project.getId(), project == null ? null : project.getCompanyName(),
                    project == null ? null : project.getProjectName(), project == null ? null : project.getTier(),
                    task.getAssignee(), task.getCreateTime().toInstant(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                    task.getDueDate() != null && task.getDueDate().before(now)));
        }
        return views;
    }

    @Transactional
    public void claim(String taskId, String userId) {
        TaskProbe.OpenTask task = openTask(taskId);
        if (userId.equals(task.assignee())) {
            return; // claiming again what I hold already is harmless (a retried request)
        }
        if (task.assignee() != null) {
            throw claimedByOther(task.assignee());
        }
        engine(() -> taskService.claim(taskId, userId),
                "该任务刚被他人认领，请刷新后重试 / The task was just claimed by someone else; reload and retry");
    }

    @Transactional
    public void complete(String taskId, CompleteTaskRequest request, String userId) {
        TaskProbe.OpenTask task = openTask(taskId);
        Map<String, Object> variables = variablesFor(task.stepId(), request);
        if (task.assignee() != null && !task.assignee().equals(userId)) {
            throw claimedByOther(task.assignee());
        }
        engine(() -> {
            if (task.assignee() == null) {
                taskService.claim(taskId, userId);
            }
            taskService.complete(taskId, variables);
        }, "该任务刚被他人处理，请刷新后重试 / The task was just handled by someone else; reload and retry");
    }

    private TaskProbe.OpenTask openTask(String taskId) {
        return probe.findOpen(taskId).orElseThrow(() -> probe.wasCompleted(taskId)
                ? ApiException.conflict("TASK_ALREADY_COMPLETED", "该任务已办结 / The task has already been completed")
                : ApiException.notFound("任务 " + taskId + " 不存在 / Task " + taskId + " not found"));
    }

    private static ApiException claimedByOther(String assignee) {
        return ApiException.conflict("TASK_CLAIMED_BY_OTHER",
                "该任务已被 " + assignee + " 认领 / The task is already claimed by " + assignee);
    }

    /** Engine calls with the engine's failures translated into what the caller should be told. */
    private void engine(Runnable call, String concurrentChangeMessage) {
        try {
            call.run();
        } catch (TaskAlreadyClaimedException e) {
            throw claimedByOther(e.getTaskAssignee());
        } catch (OptimisticLockingException e) {
            throw ApiException.conflict("CONCURRENT_CHANGE", concurrentChangeMessage);
        } catch (AuthorizationException e) {
            throw ApiException.forbidden("无权办理该任务 / You may not work on this task");
        } catch (InvalidInputException e) {
            throw ApiException.validation(e.errors());
        } catch (NullValueException e) {
            throw ApiException.conflict("TASK_ALREADY_COMPLETED", "该任务已办结 / The task has already been completed");
        } catch (RuntimeException e) {
            if (ConcurrencyFailures.isLostRace(e)) {
                throw ApiException.conflict("CONCURRENT_CHANGE", concurrentChangeMessage);
            }
            throw e;
        }
    }

    private static Map<String, Object> variablesFor(String stepId, CompleteTaskRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>();
        if (request == null || request.decision() == null || request.decision().isBlank()) {
            throw ApiException.validation(List.of(new FieldError(Var.DECISION, "请选择办理结论 / decision is required")));
        }
        String opinion = request.opinion() == null || request.opinion().isBlank() ? null : request.opinion().strip();
        if (LandingApproval.Step.REVISE_APPLICATION.equals(stepId)) {
            RevisionDecision decision = parse(RevisionDecision.class, request.decision(), errors,
                    "修改申请只能重新提交（RESUBMIT）或撤回（WITHDRAW）/ decision must be RESUBMIT or WITHDRAW");
            if (decision == RevisionDecision.RESUBMIT) {
                if (request.application() == null) {
                    errors.add(new FieldError("application",
                            "重新提交须附修改后的申请 / RESUBMIT needs the revised application"));
                } else {
                    errors.addAll(prefixed(cn.zhaoshang.approval.LandingApplicationValidator.validate(request.application())));
                    variables.putAll(LandingApplicationService.formVariables(request.application()));
                }
            }
        } else if (LandingApproval.Step.APPROVAL_STEPS.contains(stepId)) {
            ApprovalDecision decision = parse(ApprovalDecision.class, request.decision(), errors,
                    "审批结论只能是 APPROVE、REJECT 或 RETURN / decision must be APPROVE, REJECT or RETURN");
            if (decision != null && decision.requiresOpinion() && opinion == null) {
                errors.add(new FieldError(Var.OPINION, decision.label() + "必须填写意见 / An opinion is required to "
                        + decision.name().toLowerCase()));
            }
            if (request.application() != null) {
                errors.add(new FieldError("application", "审批环节不能修改申请 / An approval step cannot change the application"));
            }
        } else {
            throw ApiException.conflict("UNSUPPORTED_STEP", "该任务不能通过本接口办理 / This task cannot be completed here");
        }
        if (opinion != null && opinion.length() > 2000) {
            errors.add(new FieldError(Var.OPINION, "意见不能超过 2000 字 / The opinion is longer than 2000"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        variables.put(Var.DECISION, request.decision());
        variables.put(Var.OPINION, opinion);
        if (request.meetingDate() != null) {
            variables.put(Var.MEETING_DATE, request.meetingDate().toString());
        }
        if (request.minutesNumber() != null) {
            variables.put(Var.MINUTES_NUMBER, request.minutesNumber());
        }
        return variables;
    }

    private static Collection<FieldError> prefixed(List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError("application." + e.field(), e.message())).toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, List<FieldError> errors, String message) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(Var.DECISION, message));
            return null;
        }
    }
}
