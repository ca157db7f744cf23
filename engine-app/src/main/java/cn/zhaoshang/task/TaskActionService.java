package cn.zhaoshang.task;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhaoshang.system.InvalidInputException;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.ConcurrencyFailures;


/**
 * Claim and complete for officials. Runs with the engine acting as the caller, so Camunda's authorizations
 * decide who may work on a task; races between two officials end with exactly one winner and a 409.
 */
@Service
public class TaskActionService {

    static final int PAGE_SIZE = 200;

    private final TaskService taskService;
    private final TaskProbe probe;
    private final TaskSubjects subjects;
    private final Map<String, TaskFormInputs> inputsByStep = new HashMap<>();

    TaskActionService(TaskService taskService, TaskProbe probe, TaskSubjects subjects, List<TaskFormInputs> inputs) {
        this.taskService = taskService;
        this.probe = probe;
        this.subjects = subjects;
        for (TaskFormInputs feature : inputs) {
            feature.steps().forEach(step -> inputsByStep.put(step, feature));
        }
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
        Map<String, TaskSubjects.Subject> bySubject = subjects.of(
                tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()));
        Date now = ClockUtil.getCurrentTime();
        List<TaskView> views = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            TaskSubjects.Subject subject = bySubject.getOrDefault(task.getProcessInstanceId(), TaskSubjects.Subject.NONE);
            views.add(new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                    subject.projectId(), subject.leadId(), subject.meetingId(), subject.companyName(),
                    subject.projectName(), subject.tier(), task.getAssignee(), task.getCreateTime().toInstant(),
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
        engine(taskId, () -> taskService.claim(taskId, userId),
                "该任务刚被他人认领，请刷新后重试 / The task was just claimed by someone else; reload and retry");
    }

    @Transactional
    public void complete(String taskId, JsonNode body, String userId) {
        TaskProbe.OpenTask task = openTask(taskId);
        Map<String, Object> variables = variablesFor(task.stepId(), body);
        if (task.assignee() != null && !task.assignee().equals(userId)) {
            throw claimedByOther(task.assignee());
        }
        engine(taskId, () -> {
            if (task.assignee() == null) {
                taskService.claim(taskId, userId);
            }
            taskService.complete(taskId, variables);
        }, "该任务刚被他人处理，请刷新后重试 / The task was just handled by someone else; reload and retry");
    }

    /** The open task of a step in a process instance, whoever may see it (the caller's rights are checked on use). */
    public Optional<String> openTaskId(String processInstanceId, String stepId) {
        return probe.findOpenTaskId(processInstanceId, stepId);
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
    private void engine(String taskId, Runnable call, String concurrentChangeMessage) {
        try {
            call.run();
        } catch (TaskAlreadyClaimedException e) {
            throw claimedByOther(e.getTaskAssignee());
        } catch (OptimisticLockingException e) {
            throw ApiException.conflict("CONCURRENT_CHANGE", concurrentChangeMessage);
        } catch (AuthorizationException e) {
            // a task completed by someone else a moment ago loses its grants first: that is a lost race, not a 403
            if (probe.findOpen(taskId).isEmpty()) {
                throw ApiException.conflict("TASK_ALREADY_COMPLETED", "该任务刚被他人办结 / The task was just completed");
            }
            throw ApiException.forbidden("无权办理该任务 / You may not work on this task");
        } catch (NullValueException e) {
            throw ApiException.conflict("TASK_ALREADY_COMPLETED", "该任务已办结 / The task has already been completed");
        } catch (RuntimeException e) {
            if (InvalidInputException.findIn(e).isPresent()) {
                throw ApiException.fromEngine(e);
            }
            if (ConcurrencyFailures.isLostRace(e)) {
                throw ApiException.conflict("CONCURRENT_CHANGE", concurrentChangeMessage);
            }
            throw e;
        }
    }

    private Map<String, Object> variablesFor(String stepId, JsonNode body) {
        TaskFormInputs inputs = inputsByStep.get(stepId);
        if (inputs == null) {
            throw ApiException.conflict("UNSUPPORTED_STEP", "该任务不能通过本接口办理 / This task cannot be completed here");
        }
        return inputs.variables(stepId, body);
    }
}
