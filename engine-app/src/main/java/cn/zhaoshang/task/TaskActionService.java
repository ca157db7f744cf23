package cn.zhaoshang.task;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zhaoshang.lead.LeadLedger;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.notification.Notifier;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.ConcurrencyFailures;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;
import cn.zhaoshang.system.LostRaces;
import cn.zhaoshang.system.WithoutAuthorization;


/**
 * Claim, complete, transfer (转办), copy (抄送), comment and attach for officials, the same for the REST API and the
 * workbench. Runs with the engine acting as the caller, so Camunda's authorizations decide who may work on a task;
 * races between two officials end with exactly one winner and a 409.
 */
@Service
public class TaskActionService {

    public static final int PAGE_SIZE = 200;
    /** Tasks a page of the workbench's lists shows (of the {@value #PAGE_SIZE} read). */
    public static final int SHOWN_PAGE_SIZE = 50;
    static final int NOTE_LENGTH = 2000;

    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final TaskProbe probe;
    private final TaskSubjects subjects;
    private final ProcessNames processNames;
    private final TaskAccess access;
    private final TaskCopyMapper copies;
    private final AttachmentRules attachmentRules;
    private final ProjectLedger projectLedger;
    private final LeadLedger leadLedger;
    private final Notifier notifier;
    private final LostRaces lostRaces;
    private final Map<String, TaskFormInputs> inputsByStep = new HashMap<>();

    TaskActionService(TaskService taskService, ManagementService managementService, IdentityService identityService, TaskProbe probe, TaskSubjects subjects,
            ProcessNames processNames, TaskAccess access, TaskCopyMapper copies, AttachmentRules attachmentRules,
            ProjectLedger projectLedger, LeadLedger leadLedger, Notifier notifier, List<TaskFormInputs> inputs,
            LostRaces lostRaces) {
        this.lostRaces = lostRaces;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.probe = probe;
        this.subjects = subjects;
        this.processNames = processNames;
        this.access = access;
        this.copies = copies;
        this.attachmentRules = attachmentRules;
        this.projectLedger = projectLedger;
        this.leadLedger = leadLedger;
        this.notifier = notifier;
        for (TaskFormInputs feature : inputs) {
            feature.steps().forEach(step -> inputsByStep.put(step, feature));
        }
    }

    /** {@code mine}: assigned to me; {@code group}: unclaimed tasks of my groups. Earliest due first. */
    @Transactional(readOnly = true)
    public List<TaskView> list(String scope, String userId) {
        return list(scope, userId, TaskFilter.NONE);
    }

    /**
     * My tasks or my groups' unclaimed tasks, filtered and ordered. Every filter narrows the query in the database
     * (process; project and unit through the process instances of the matching leads, projects, agreements and
     * appeals; due date), so at most {@value #PAGE_SIZE} tasks are read in the order asked for; ordering by process,
     * project or unit then sorts those.
     */
    @Transactional(readOnly = true)
    public List<TaskView> list(String scope, String userId, TaskFilter filter) {
        return shown(scope, userId, filter, 0, PAGE_SIZE).tasks();
    }

    /**
     * The tasks a page of the workbench shows ({@code size} from {@code from}) and how many of the first
     * {@value #PAGE_SIZE} match. Ordered by due date or creation, the subjects (project, unit, process name) are
     * looked up for the shown tasks only; ordering by process, project or unit needs them for all
     * (docs/performance.md, W2).
     */
    @Transactional(readOnly = true)
    public ShownTasks shown(String scope, String userId, TaskFilter filter, int from, int size) {
        List<Task> tasks = matching(scope, userId, filter);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Optional<Comparator<Task>> order = filter.taskOrder();
        if (order.isPresent()) {
            List<Task> sorted = tasks.stream().sorted(order.get()).toList();
            return new ShownTasks(filter.apply(views(slice(sorted, from, size)), now), sorted.size());
        }
        List<TaskView> all = filter.apply(views(tasks), now);
        return new ShownTasks(slice(all, from, size), all.size());
    }

    private static <T> List<T> slice(List<T> list, int from, int size) {
        return list.subList(Math.min(from, list.size()), Math.min(from + size, list.size()));
    }

    /** A page of a task list, and how many tasks the list has (at most {@value #PAGE_SIZE}). */
    public record ShownTasks(List<TaskView> tasks, int total) {
    }

    private List<Task> matching(String scope, String userId, TaskFilter filter) {
        TaskListQuery query = switch (scope) {
            case "mine" -> new TaskListQuery().assignedTo(userId);
            case "group" -> offeredTo(userId);
            default -> throw ApiException.validation(List.of(new FieldError("scope",
                    "scope 只能是 mine（我的待办）或 group（待认领）/ scope must be mine or group")));
        };
        if (filter.processKey() != null) {
            query.processDefinitionKey(filter.processKey());
        }
        Optional<Set<String>> instances = subjects.instancesMatching(filter.project(), filter.unit());
        if (instances.isPresent()) {
            if (instances.get().isEmpty()) {
                return List.of();
            }
            query.processInstanceIdIn(instances.get());
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        switch (filter.due()) {
            case OVERDUE -> query.dueBefore(Date.from(now));
            case TODAY -> query.dueBefore(Date.from(TaskFilter.endOfDay(now, 0)));
            case WEEK -> query.dueBefore(Date.from(TaskFilter.endOfDay(now, 7)));
            case NONE -> query.withoutDueDate();
            default -> {
            }
        }
        query.orderBy(filter.sort());
        return query.page(taskService, managementService, identityService, PAGE_SIZE);
    }

    /** Unclaimed tasks offered to the user or to one of the user's groups. */
    private TaskListQuery offeredTo(String userId) {
        List<String> groups = WithoutAuthorization.run(identityService, () -> identityService.createGroupQuery()
                .groupMember(userId).unlimitedList()).stream().map(org.camunda.bpm.engine.identity.Group::getId).toList();
        return new TaskListQuery().offeredTo(userId, groups);
    }

    List<TaskView> views(List<Task> tasks) {
        Map<String, TaskSubjects.Subject> bySubject = subjects.of(
                tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()));
        Map<String, ProcessNames.Definition> definitions = processNames.of(
                tasks.stream().map(Task::getProcessDefinitionId).collect(Collectors.toSet()));
        Date now = ClockUtil.getCurrentTime();
        List<TaskView> views = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            views.add(view(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                    definitions.get(task.getProcessDefinitionId()),
                    bySubject.getOrDefault(task.getProcessInstanceId(), TaskSubjects.Subject.NONE), task.getAssignee(),
                    task.getCreateTime(), task.getDueDate(), now));
        }
        return views;
    }

    static TaskView view(String id, String name, String stepId, String processInstanceId,
            ProcessNames.Definition definition, TaskSubjects.Subject subject, String assignee, Date created, Date due,
            Date now) {
        return new TaskView(id, name, stepId, processInstanceId, definition == null ? null : definition.key(),
                definition == null ? null : definition.name(), subject.projectId(), subject.leadId(), subject.meetingId(),
                subject.appealId(), subject.companyName(), subject.projectName(), subject.tier(), subject.reportingUnit(),
                subject.unitName(), assignee, created.toInstant(), due == null ? null : due.toInstant(),
                due != null && now != null && due.before(now));
    }

    /** Counts stop here: a tab shows "999+" (docs/performance.md, W2). */
    public static final int COUNT_LIMIT = 1000;

    /**
     * How many tasks are mine and how many wait in my groups, for the tabs of the workbench; each at most
     * {@link #COUNT_LIMIT}, which means that many or more.
     */
    public record Counts(long mine, long group) {

        /** "12", or "999+" at the limit. */
        public static String label(long count) {
            return count >= COUNT_LIMIT ? (COUNT_LIMIT - 1) + "+" : String.valueOf(count);
        }
    }

    @Transactional(readOnly = true)
    public Counts counts(String userId) {
        return new Counts(new TaskListQuery().assignedTo(userId).count(taskService, managementService, identityService,
                COUNT_LIMIT), offeredTo(userId).count(taskService, managementService, identityService, COUNT_LIMIT));
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

    /**
     * Completes the task in its own transaction; a completion that lost a race to a neighbour (another department's
     * answer to the same consultation) is tried again from the start, see {@link LostRaces}.
     */
    public void complete(String taskId, JsonNode body, String userId) {
        lostRaces.run(() -> completeOnce(taskId, body, userId));
    }

    private void completeOnce(String taskId, JsonNode body, String userId) {
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

    /**
     * 转办: the task goes to a colleague of its candidate group (the holder, or while nobody holds it a candidate,
     * hands it on), with the reason as a comment, a ledger event on the project, lead or appeal it belongs to, and a
     * notification to the colleague.
     */
    @Transactional
    public void transfer(String taskId, String userId, String toUserId, String reason) {
        TaskAccess.Checked task = access.checkWork(taskId, userId);
        String note = FormValues.text(reason);
        List<FieldError> errors = new ArrayList<>();
        String to = FormValues.text(toUserId);
        if (task.candidateGroups().isEmpty()) {
            errors.add(new FieldError("assignee", "该任务指定由专人办理，不能转办 / This task is assigned to one person "
                    + "and cannot be transferred"));
        } else if (to == null) {
            errors.add(new FieldError("assignee", "请选择转办给谁 / Choose a colleague"));
        } else if (to.equals(userId)) {
            errors.add(new FieldError("assignee", "不能转办给自己 / You cannot transfer a task to yourself"));
        } else if (!access.isMemberOfAny(to, task.candidateGroups())) {
            errors.add(new FieldError("assignee", "只能转办给本环节办理组的成员 / Only a member of the task's group may "
                    + "take it over"));
        }
        FormValues.limitText(errors, "reason", note, 500, "转办说明");
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String toName = nameOf(to);
        String message = "转办给 " + toName + (note == null ? "" : "：" + note);
        engine(taskId, () -> {
            taskService.setAssignee(taskId, to);
            taskService.createComment(taskId, task.processInstanceId(), message);
        }, "该任务刚被他人处理，请刷新后重试 / The task was just handled by someone else; reload and retry");
        record(task, "TASK_TRANSFERRED", userId, "「" + task.name() + "」由 " + nameOf(userId) + " " + message);
        notifier.notifyUser(to, "转办：" + task.name(), nameOf(userId) + " 将任务「" + task.name() + "」转办给您"
                + (note == null ? "。" : "：" + note) + " 请在工作台办理：/tasks/" + taskId);
    }

    /**
     * 抄送: read-only copies of a task for people who should know but do not act; each gets a notification and sees the
     * task under 抄送我的. Someone who has a copy already is not copied twice. Returns the users newly copied.
     */
    @Transactional
    public List<String> copy(String taskId, String userId, List<String> recipients, String note) {
        TaskAccess.Checked task = access.checkWork(taskId, userId);
        String text = FormValues.text(note);
        List<FieldError> errors = new ArrayList<>();
        Set<String> wanted = new LinkedHashSet<>();
        if (recipients != null) {
            recipients.stream().map(FormValues::text).filter(java.util.Objects::nonNull).forEach(wanted::add);
        }
        wanted.remove(userId);
        if (wanted.isEmpty()) {
            errors.add(new FieldError("recipients", "请选择抄送给谁（不含本人）/ Choose at least one other person"));
        }
        for (String recipient : wanted) {
            if (userOf(recipient) == null) {
                errors.add(new FieldError("recipients", "用户 " + recipient + " 不存在 / No such user " + recipient));
            }
        }
        FormValues.limitText(errors, "note", text, 500, "抄送说明");
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        List<String> copied = new ArrayList<>();
        for (String recipient : wanted) {
            if (!copies.exists(taskId, recipient)) {
                copies.insert(new TaskCopy(null, taskId, task.processInstanceId(), task.name(), recipient, userId, text,
                        EngineClock.now(), null));
                copied.add(recipient);
            }
        }
        if (!copied.isEmpty()) {
            String names = copied.stream().map(this::nameOf).collect(Collectors.joining("、"));
            engine(taskId, () -> taskService.createComment(taskId, task.processInstanceId(),
                    "抄送给 " + names + (text == null ? "" : "：" + text)), "该任务刚被他人处理，请刷新后重试 / The task "
                    + "was just handled by someone else; reload and retry");
            for (String recipient : copied) {
                notifier.notifyUser(recipient, "抄送：" + task.name(), nameOf(userId) + " 抄送给您任务「" + task.name()
                        + "」" + (text == null ? "" : "：" + text) + " 查看：/tasks/" + taskId);
            }
        }
        return copied;
    }

    /** A comment (意见、备注) on an open task, by whoever may work on it (a 抄送 recipient only reads). */
    @Transactional
    public void comment(String taskId, String userId, String message) {
        TaskAccess.Checked task = access.checkWork(taskId, userId);
        String text = FormValues.text(message);
        List<FieldError> errors = new ArrayList<>();
        FormValues.requireText(errors, "message", text, NOTE_LENGTH, "意见");
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        engine(taskId, () -> taskService.createComment(taskId, task.processInstanceId(), text),
                "该任务刚被他人处理，请刷新后重试 / The task was just handled by someone else; reload and retry");
    }

    /**
     * A file for an open task (office documents, PDF, images; size limited like the agreement drafts), by whoever may
     * work on it. Returns the attachment id.
     */
    @Transactional
    public String attach(String taskId, String userId, String fileName, byte[] content) {
        TaskAccess.Checked task = access.checkWork(taskId, userId);
        AttachmentRules.Accepted file = attachmentRules.check(fileName, content);
        String description = nameOf(userId) + " 上传，" + AttachmentRules.size(content.length);
        String[] id = new String[1];
        engine(taskId, () -> id[0] = taskService.createAttachment(file.contentType(), taskId, task.processInstanceId(),
                file.name(), description, new ByteArrayInputStream(content)).getId(),
                "该任务刚被他人处理，请刷新后重试 / The task was just handled by someone else; reload and retry");
        return id[0];
    }

    /** The open task of a step in a process instance, whoever may see it (the caller's rights are checked on use). */
    public Optional<String> openTaskId(String processInstanceId, String stepId) {
        return probe.findOpenTaskId(processInstanceId, stepId);
    }

    /** A ledger event on what the task belongs to: a project (and the appeal about it), an appeal, or a lead. */
    private void record(TaskAccess.Checked task, String eventType, String actor, String note) {
        TaskSubjects.Subject subject = subjects.of(task.processInstanceId());
        if (subject.projectId() != null || subject.appealId() != null) {
            projectLedger.noteOn(subject.projectId(), subject.appealId(), eventType, actor, note);
        } else if (subject.leadId() != null) {
            leadLedger.note(subject.leadId(), eventType, actor, note);
        }
    }

    private User userOf(String userId) {
        return WithoutAuthorization.run(identityService,
                () -> identityService.createUserQuery().userId(userId).singleResult());
    }

    String nameOf(String userId) {
        User user = userOf(userId);
        String name = user == null ? null : ((user.getFirstName() == null ? "" : user.getFirstName())
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name == null || name.isEmpty() ? userId : name + "（" + userId + "）";
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
            // the engine may trip over a task that another transaction completed under its feet (a claim reading the
            // execution that completion removed): if the task is gone now, someone else was faster
            if (probe.findOpen(taskId).isEmpty()) {
                throw ApiException.conflict("TASK_ALREADY_COMPLETED", "该任务刚被他人办结 / The task was just completed");
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
