package cn.zhaoshang.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.WithoutAuthorization;
import cn.zhaoshang.task.TaskRecords.AttachmentContent;
import cn.zhaoshang.task.TaskRecords.DonePage;
import cn.zhaoshang.task.TaskRecords.DoneTask;
import cn.zhaoshang.task.TaskRecords.TaskAttachment;
import cn.zhaoshang.task.TaskRecords.TaskComment;
import cn.zhaoshang.task.TaskRecords.TaskDetail;
import cn.zhaoshang.task.TaskRecords.UserOption;

/**
 * What an official reads about tasks: one task with its form, comments and attachments, the tasks they completed
 * (已办) and the copies sent to them (抄送我的). Every read first asks {@link TaskAccess} whether the user may see the
 * task, then reads as the system: Camunda keeps no grants on completed tasks, comments and attachments.
 */
@Service
public class TaskDetails {

    /** The variables a step's form submits that tell what was decided there, as 已办 shows them. */
    public static final List<String> OUTCOME_VARIABLES = List.of("decision", "answer", "entry", "assessment",
            "opinion");
    static final int DONE_LIMIT = 500;

    private final TaskService taskService;
    private final HistoryService historyService;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final TaskAccess access;
    private final TaskActionService actions;
    private final TaskSubjects subjects;
    private final ProcessNames processNames;
    private final TaskCopyMapper copies;
    private final CommandExecutor commandExecutor;

    TaskDetails(TaskService taskService, HistoryService historyService, FormService formService,
            RepositoryService repositoryService, IdentityService identityService, TaskAccess access,
            TaskActionService actions, TaskSubjects subjects, ProcessNames processNames, TaskCopyMapper copies,
            ProcessEngineConfiguration configuration) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.access = access;
        this.actions = actions;
        this.subjects = subjects;
        this.processNames = processNames;
        this.copies = copies;
        this.commandExecutor = ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired();
    }

    /**
     * One task for its page; a 抄送 recipient opening it marks the copy read. Not one transaction on purpose: a task
     * completed by someone else between the check and the read of its variables makes Camunda's read fail, which would
     * mark a surrounding transaction rollback-only and turn the lost race, handled below, into a 500 at commit; each
     * engine call and the copy's update commit on their own.
     */
    public TaskDetail detail(String taskId, String userId) {
        TaskAccess.Checked task = access.check(taskId, userId);
        copies.markRead(taskId, userId, EngineClock.now());
        TaskSubjects.Subject subject = subjects.of(task.processInstanceId());
        ProcessNames.Definition definition = processNames.of(task.processDefinitionId());
        if (task.isOpen()) {
            TaskView view = TaskActionService.view(task.id(), task.name(), task.stepId(), task.processInstanceId(),
                    definition, subject, task.assignee(), task.open().getCreateTime(), task.open().getDueDate(),
                    ClockUtil.getCurrentTime());
            Map<String, Object> variables;
            try {
                variables = system(() -> taskService.getVariables(taskId));
            } catch (org.camunda.bpm.engine.exception.NullValueException e) {
                // completed by someone else since it was checked (a lost race): shown as the completed task it now is
                TaskAccess.Checked now = access.check(taskId, userId);
                if (now.isOpen()) {
                    throw e;
                }
                return detail(taskId, userId);
            }
            return new TaskDetail(view, true, task.level() == TaskAccess.Level.WORK, task.candidateGroups(), variables,
                    null, null, Map.of(), task.processDefinitionId(), comments(taskId), attachments(taskId),
                    copies.findByTask(taskId));
        }
        HistoricTaskInstance completed = task.completed();
        TaskView view = TaskActionService.view(task.id(), task.name(), task.stepId(), task.processInstanceId(),
                definition, subject, task.assignee(), completed.getStartTime(), completed.getDueDate(), null);
        return new TaskDetail(view, false, false, task.candidateGroups(), Map.of(),
                completed.getEndTime() == null ? null : completed.getEndTime().toInstant(), completed.getAssignee(),
                submitted(completed.getActivityInstanceId()), task.processDefinitionId(), comments(taskId),
                attachments(taskId), copies.findByTask(taskId));
    }

    /**
     * The Camunda Form (form-js JSON) of a task: the deployed form of an open task (FormService), and for a completed
     * one the form its process definition bound to that step. Null when the step has no Camunda Form.
     */
    public String form(String taskId, String userId) {
        TaskAccess.Checked task = access.check(taskId, userId);
        if (task.isOpen()) {
            try {
                return system(() -> read(formService.getDeployedTaskForm(taskId)));
            } catch (RuntimeException e) {
                if (system(() -> taskService.createTaskQuery().taskId(taskId).count()) > 0) {
                    throw e;
                }
                // completed since it was checked a moment ago: the form its definition binds to the step
            }
        }
        return formOf(task.processDefinitionId(), task.stepId());
    }

    /** The form bound to a step of a process definition (for completed tasks, whose deployed form the engine no longer serves). */
    public String formOf(String processDefinitionId, String stepId) {
        UserTask userTask = system(() -> repositoryService.getBpmnModelInstance(processDefinitionId))
                .getModelElementById(stepId);
        if (userTask == null || userTask.getCamundaFormRef() == null) {
            return null;
        }
        CamundaFormRefImpl ref = new CamundaFormRefImpl(userTask.getCamundaFormRef(),
                userTask.getCamundaFormRefBinding() == null ? "latest" : userTask.getCamundaFormRefBinding());
        if (userTask.getCamundaFormRefVersion() != null) {
            ref.setVersion(Integer.valueOf(userTask.getCamundaFormRefVersion()));
        }
        String deploymentId = processNames.of(processDefinitionId).deploymentId();
        // the engine's own lookup for camunda:formRef (GetDeployedTaskFormCmd does the same for open tasks)
        return commandExecutor.execute(context -> {
            context.disableAuthorizationCheck();
            CamundaFormDefinition form = new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context);
            return form == null ? null
                    : read(new GetDeploymentResourceCmd(form.getDeploymentId(), form.getResourceName()).execute(context));
        });
    }

    public List<TaskComment> comments(String taskId, String userId) {
        access.check(taskId, userId);
        return comments(taskId);
    }

    private List<TaskComment> comments(String taskId) {
        List<Comment> comments = system(() -> taskService.getTaskComments(taskId));
        return comments.stream()
                .sorted(Comparator.comparing(Comment::getTime).thenComparing(Comment::getId))
                .map(c -> new TaskComment(c.getId(), c.getUserId(), c.getUserId() == null ? "系统" : actions.nameOf(c.getUserId()),
                        c.getTime().toInstant(), c.getFullMessage()))
                .toList();
    }

    public List<TaskAttachment> attachments(String taskId, String userId) {
        access.check(taskId, userId);
        return attachments(taskId);
    }

    private List<TaskAttachment> attachments(String taskId) {
        List<Attachment> attachments = system(() -> taskService.getTaskAttachments(taskId));
        return attachments.stream()
                .sorted(Comparator.comparing(Attachment::getCreateTime).thenComparing(Attachment::getId))
                .map(a -> new TaskAttachment(a.getId(), a.getName(), a.getType(), a.getDescription(),
                        a.getCreateTime().toInstant()))
                .toList();
    }

    public AttachmentContent attachment(String taskId, String attachmentId, String userId) {
        access.check(taskId, userId);
        Attachment attachment = system(() -> taskService.getTaskAttachment(taskId, attachmentId));
        if (attachment == null) {
            throw ApiException.notFound("附件不存在 / No such attachment");
        }
        byte[] content = system(() -> {
            InputStream stream = taskService.getTaskAttachmentContent(taskId, attachmentId);
            try (stream) {
                return stream == null ? new byte[0] : stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new AttachmentContent(attachment.getName(), attachment.getType(), content);
    }

    /** Colleagues the task may be transferred to (转办): members of its candidate groups, except me and its holder. */
    public List<UserOption> colleagues(TaskDetail task, String userId) {
        List<UserOption> colleagues = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>(Set.of(userId));
        if (task.task().assignee() != null) {
            seen.add(task.task().assignee());
        }
        for (String group : task.candidateGroups()) {
            for (User user : system(() -> identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc()
                    .unlimitedList())) {
                if (seen.add(user.getId())) {
                    colleagues.add(option(user));
                }
            }
        }
        return colleagues;
    }

    /** Everyone but me, to pick for a 抄送. */
    public List<UserOption> everyoneBut(String userId) {
        return system(() -> identityService.createUserQuery().orderByUserId().asc().unlimitedList()).stream()
                .filter(user -> !user.getId().equals(userId)).map(TaskDetails::option).toList();
    }

    /** Who has a copy of the task already. */
    public List<TaskCopy> copiesOf(String taskId, String userId) {
        access.check(taskId, userId);
        return copies.findByTask(taskId);
    }

    /** 抄送我的: the newest first. */
    public List<TaskCopy> copiesFor(String userId, int limit) {
        return copies.findByRecipient(userId, limit);
    }

    public long unreadCopies(String userId) {
        return copies.countUnread(userId);
    }

    /**
     * 已办: tasks I completed, newest first (at most {@value #DONE_LIMIT} are searched), filtered like the task lists,
     * the page {@code [from, from + size)} with what was decided at each and its comments.
     */
    @Transactional(readOnly = true)
    public DonePage done(String userId, TaskFilter filter, int from, int size) {
        List<HistoricTaskInstance> finished = system(() -> {
            var query = historyService.createHistoricTaskInstanceQuery().taskAssignee(userId).finished()
                    .taskDeleteReason("completed");
            if (filter.processKey() != null) {
                query.processDefinitionKey(filter.processKey());
            }
            return query.orderByHistoricTaskInstanceEndTime().desc().listPage(0, DONE_LIMIT);
        });
        Map<String, TaskSubjects.Subject> bySubject = subjects.of(finished.stream()
                .map(HistoricTaskInstance::getProcessInstanceId).collect(Collectors.toSet()));
        Map<String, ProcessNames.Definition> definitions = processNames.of(finished.stream()
                .map(HistoricTaskInstance::getProcessDefinitionId).collect(Collectors.toSet()));
        Map<String, HistoricTaskInstance> byId = new LinkedHashMap<>();
        List<TaskView> views = new ArrayList<>();
        for (HistoricTaskInstance task : finished) {
            byId.put(task.getId(), task);
            views.add(TaskActionService.view(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                    task.getProcessInstanceId(), definitions.get(task.getProcessDefinitionId()),
                    bySubject.getOrDefault(task.getProcessInstanceId(), TaskSubjects.Subject.NONE), task.getAssignee(),
                    task.getStartTime(), task.getDueDate(), null));
        }
        // newest first stays the order; the due-date filters make no sense for what is done, the others apply
        TaskFilter narrowing = new TaskFilter(filter.processKey(), filter.project(), filter.unit(), TaskFilter.Due.ANY,
                filter.sort());
        List<TaskView> matching = views.stream().filter(view -> narrowing.matches(view, Instant.now())).toList();
        return new DonePage(matching.stream().skip(from).limit(size).map(view -> {
            HistoricTaskInstance task = byId.get(view.id());
            Map<String, Object> outcome = new LinkedHashMap<>();
            submitted(task.getActivityInstanceId()).forEach((name, value) -> {
                if (OUTCOME_VARIABLES.contains(name)) {
                    outcome.put(name, value);
                }
            });
            return new DoneTask(view, task.getProcessDefinitionId(), task.getEndTime().toInstant(), outcome,
                    comments(task.getId()));
        }).toList(), matching.size());
    }

    /**
     * What the form submitted when the task was completed: the variable updates made in the task's own activity
     * instance (the completion sets them on the execution while it still stands in the task).
     */
    Map<String, Object> submitted(String activityInstanceId) {
        if (activityInstanceId == null) {
            return Map.of();
        }
        List<HistoricDetail> details = system(() -> historyService.createHistoricDetailQuery().variableUpdates()
                .activityInstanceId(activityInstanceId).orderPartiallyByOccurrence().asc().unlimitedList());
        Map<String, Object> values = new LinkedHashMap<>();
        for (HistoricDetail detail : details) {
            if (detail instanceof HistoricVariableUpdate update && update.getValue() != null) {
                values.put(update.getVariableName(), update.getValue());
            }
        }
        return values;
    }

    private static UserOption option(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName())
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new UserOption(user.getId(), name.isEmpty() ? user.getId() : name);
    }

    private static String read(InputStream stream) {
        if (stream == null) {
            return null;
        }
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T system(Supplier<T> call) {
        return WithoutAuthorization.run(identityService, call);
    }

}
