package cn.zhaoshang.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.task.ProcessNames;
import cn.zhaoshang.task.TaskActionService;
import cn.zhaoshang.task.TaskCopy;
import cn.zhaoshang.task.TaskDetails;
import cn.zhaoshang.task.TaskFilter;
import cn.zhaoshang.task.TaskRecords.DonePage;
import cn.zhaoshang.task.TaskRecords.DoneTask;
import cn.zhaoshang.task.TaskView;
import cn.zhaoshang.unit.UnitMapper;

/**
 * 待办事项 as officials know it from every OA system (tongcheng §19, §25; panan §四.1): 我的待办 (assigned to me),
 * 待认领 (my groups' tasks, claimed with one button), 已办 (what I completed, with the decision and the comments),
 * 抄送我的 (read-only copies). Every list filters by process, project, reporting unit and due date and sorts by its
 * column headers; overdue tasks are marked. The query time of a list goes out as a {@code Server-Timing} header.
 */
@Controller
@RequestMapping("/tasks")
class TaskListController {

    static final int PAGE_SIZE = TaskActionService.SHOWN_PAGE_SIZE;
    static final int DONE_PAGE_SIZE = 20;

    private final TaskActionService tasks;
    private final TaskDetails details;
    private final ProcessNames processNames;
    private final UnitMapper units;
    private final TaskForms forms;

    TaskListController(TaskActionService tasks, TaskDetails details, ProcessNames processNames, UnitMapper units,
            TaskForms forms) {
        this.tasks = tasks;
        this.details = details;
        this.processNames = processNames;
        this.units = units;
        this.forms = forms;
    }

    /** One row of a list, formatted for the page. */
    record Row(String id, String name, String process, String subject, String projectLink, String unit,
            String assignee, String created, String due, String dueNote, boolean overdue, String tier) {
    }

    record DoneRow(Row task, String ended, String outcome, String opinion, List<String> comments) {
    }

    record CopyRow(String taskId, String taskName, String sentBy, String sentAt, String note, boolean unread) {
    }

    record Column(String label, String sort, String href, String ariaSort) {
    }

    record Tab(String key, String label, String href, long count, boolean current) {

        /** The count as the tab shows it: "999+" where the count stopped at its limit. */
        public String countText() {
            return TaskActionService.Counts.label(count);
        }
    }

    @GetMapping
    ModelAndView mine(@RequestParam(required = false) String process, @RequestParam(required = false) String project,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String due,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "1") int page,
            Authentication caller, HttpServletResponse response) {
        return open("mine", TaskFilter.of(process, project, unit, due, sort), page, caller, response);
    }

    @GetMapping("/group")
    ModelAndView group(@RequestParam(required = false) String process, @RequestParam(required = false) String project,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String due,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "1") int page,
            Authentication caller, HttpServletResponse response) {
        return open("group", TaskFilter.of(process, project, unit, due, sort), page, caller, response);
    }

    private ModelAndView open(String scope, TaskFilter filter, int page, Authentication caller,
            HttpServletResponse response) {
        long started = System.nanoTime();
        int asked = Math.min(Math.max(page, 1), (TaskActionService.PAGE_SIZE + PAGE_SIZE - 1) / PAGE_SIZE);
        TaskActionService.ShownTasks found = tasks.shown(scope, caller.getName(), filter, (asked - 1) * PAGE_SIZE,
                PAGE_SIZE);
        int pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (asked > pages) { // a bookmark past the end: the last page there is
            asked = pages;
            found = tasks.shown(scope, caller.getName(), filter, (asked - 1) * PAGE_SIZE, PAGE_SIZE);
        }
        ModelAndView view = page(scope, filter, caller.getName());
        view.addObject("rows", found.tasks().stream().map(TaskListController::row).toList());
        view.addObject("total", found.total());
        // the engine returns the 200 earliest due; more than that is a list to narrow, not to page through
        view.addObject("capped", countOf(view, scope) > TaskActionService.PAGE_SIZE
                ? TaskActionService.Counts.label(countOf(view, scope)) : null);
        paging(view, scope, filter, asked, pages);
        timing(response, started);
        return view;
    }

    @GetMapping("/done")
    ModelAndView done(@RequestParam(required = false) String process, @RequestParam(required = false) String project,
            @RequestParam(required = false) String unit, @RequestParam(defaultValue = "1") int page,
            Authentication caller, HttpServletResponse response) {
        long started = System.nanoTime();
        TaskFilter filter = TaskFilter.of(process, project, unit, null, null);
        int from = (Math.max(page, 1) - 1) * DONE_PAGE_SIZE;
        DonePage done = details.done(caller.getName(), filter, from, DONE_PAGE_SIZE);
        ModelAndView view = page("done", filter, caller.getName());
        view.addObject("doneRows", done.tasks().stream().map(this::doneRow).toList());
        view.addObject("total", done.total());
        int pages = Math.max(1, (done.total() + DONE_PAGE_SIZE - 1) / DONE_PAGE_SIZE);
        paging(view, "done", filter, Math.min(Math.max(page, 1), pages), pages);
        timing(response, started);
        return view;
    }

    @GetMapping("/copies")
    ModelAndView copies(Authentication caller) {
        ModelAndView view = page("copies", TaskFilter.NONE, caller.getName());
        view.addObject("copyRows", details.copiesFor(caller.getName(), 200).stream().map(TaskListController::copyRow)
                .toList());
        return view;
    }

    private ModelAndView page(String scope, TaskFilter filter, String userId) {
        ModelAndView view = new ModelAndView("tasks/list");
        TaskActionService.Counts counts = tasks.counts(userId);
        long unread = details.unreadCopies(userId);
        view.addObject("scope", scope);
        view.addObject("title", switch (scope) {
            case "group" -> "待认领";
            case "done" -> "已办";
            case "copies" -> "抄送我的";
            default -> "我的待办";
        });
        view.addObject("tabs", List.of(
                new Tab("mine", "我的待办", "/tasks", counts.mine(), scope.equals("mine")),
                new Tab("group", "待认领", "/tasks/group", counts.group(), scope.equals("group")),
                new Tab("done", "已办", "/tasks/done", -1, scope.equals("done")),
                new Tab("copies", "抄送我的", "/tasks/copies", unread, scope.equals("copies"))));
        view.addObject("counts", counts);
        view.addObject("filter", filter);
        view.addObject("processes", processNames.all());
        view.addObject("units", units.findAll());
        view.addObject("dues", TaskFilter.Due.values());
        view.addObject("columns", columns(scope, filter));
        return view;
    }

    private static long countOf(ModelAndView view, String scope) {
        TaskActionService.Counts counts = (TaskActionService.Counts) view.getModel().get("counts");
        return scope.equals("mine") ? counts.mine() : counts.group();
    }

    /** Sortable column headers: a link that sorts by the column (again: the other way round for dates). */
    private static List<Column> columns(String scope, TaskFilter filter) {
        if (!scope.equals("mine") && !scope.equals("group")) {
            return List.of();
        }
        Map<String, String[]> sortable = new LinkedHashMap<>();
        sortable.put("事项", null);
        sortable.put("流程", new String[] {"process"});
        sortable.put("项目", new String[] {"project"});
        sortable.put("报送单位", new String[] {"unit"});
        sortable.put("到达时间", new String[] {"-created", "created"});
        sortable.put("办理期限", new String[] {"due", "-due"});
        List<Column> columns = new ArrayList<>();
        String current = filter.sort().param();
        sortable.forEach((label, sorts) -> {
            if (sorts == null) {
                columns.add(new Column(label, null, null, null));
                return;
            }
            boolean active = List.of(sorts).contains(current);
            String next = active && sorts.length > 1 && current.equals(sorts[0]) ? sorts[1] : sorts[0];
            String aria = !active ? null : current.startsWith("-") ? "descending" : "ascending";
            columns.add(new Column(label, next, href(scope, filter, next, 1), aria));
        });
        return columns;
    }

    private static void paging(ModelAndView view, String scope, TaskFilter filter, int page, int pages) {
        view.addObject("page", page);
        view.addObject("pages", pages);
        view.addObject("previous", page > 1 ? href(scope, filter, filter.sort().param(), page - 1) : null);
        view.addObject("next", page < pages ? href(scope, filter, filter.sort().param(), page + 1) : null);
    }

    static String href(String scope, TaskFilter filter, String sort, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(switch (scope) {
            case "group" -> "/tasks/group";
            case "done" -> "/tasks/done";
            default -> "/tasks";
        });
        if (filter.processKey() != null) {
            uri.queryParam("process", filter.processKey());
        }
        if (filter.project() != null) {
            uri.queryParam("project", filter.project());
        }
        if (filter.unit() != null) {
            uri.queryParam("unit", filter.unit());
        }
        if (filter.due() != TaskFilter.Due.ANY) {
            uri.queryParam("due", filter.due().name());
        }
        if (!"due".equals(sort) && !scope.equals("done")) {
            uri.queryParam("sort", sort);
        }
        if (page > 1) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }

    static Row row(TaskView task) {
        return new Row(task.id(), task.name(), task.processName(), task.subjectTitle(),
                task.projectId() == null ? null : "/projects/" + task.projectId(),
                task.unitName() != null ? task.unitName() : task.reportingUnit(), task.assignee(),
                TaskHistory.time(task.created()), TaskHistory.time(task.due()), dueNote(task), task.overdue(),
                task.tier());
    }

    /** "已逾期 3 天", "今天到期", "还剩 2 天": counted in calendar days, Beijing time. */
    static String dueNote(TaskView task) {
        if (task.due() == null) {
            return "";
        }
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(EngineClock.BEIJING).toLocalDate();
        LocalDate due = task.due().atZone(EngineClock.BEIJING).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, due);
        if (task.overdue()) {
            return days < 0 ? "已逾期 " + (-days) + " 天" : "已逾期";
        }
        return days == 0 ? "今天到期" : "还剩 " + days + " 天";
    }

    private DoneRow doneRow(DoneTask done) {
        CamundaForm form = forms.ofStep(done.processDefinitionId(), done.task().stepId()).orElse(null);
        String outcome = null;
        for (String name : TaskDetails.OUTCOME_VARIABLES) {
            Object value = done.submitted().get(name);
            if (outcome == null && value != null && !"opinion".equals(name)) {
                CamundaForm.Component field = form == null ? null : form.field(name);
                outcome = field == null ? value.toString() : field.optionLabel(value.toString());
            }
        }
        Object opinion = done.submitted().get("opinion");
        return new DoneRow(row(done.task()), TaskHistory.time(done.ended()), outcome,
                opinion == null ? null : opinion.toString(),
                done.comments().stream().map(c -> c.userName() + "：" + c.message()).toList());
    }

    private static CopyRow copyRow(TaskCopy copy) {
        return new CopyRow(copy.taskId(), copy.taskName(), copy.sentBy(), TaskHistory.time(copy.sentAt()), copy.note(),
                copy.readAt() == null);
    }

    /** The time the lists' queries took, for the browser's network panel and the timing test. */
    private static void timing(HttpServletResponse response, long started) {
        double millis = (System.nanoTime() - started) / 1_000_000.0;
        response.setHeader("Server-Timing", String.format(Locale.ROOT, "tasks;dur=%.1f;desc=\"task queries\"", millis));
    }
}
