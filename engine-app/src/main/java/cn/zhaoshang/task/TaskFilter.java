package cn.zhaoshang.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.task.Task;

import cn.zhaoshang.system.EngineClock;

/**
 * How an official narrows and orders a task list: by process, by project (company or project name, or the project's or
 * lead's number), by reporting unit, by due date; sorted by due date (default, earliest first), creation, process,
 * project or unit. Unknown values mean "no filter" / the default order, so an old bookmark never fails.
 */
public record TaskFilter(String processKey, String project, String unit, Due due, Sort sort) {

    public static final TaskFilter NONE = new TaskFilter(null, null, null, Due.ANY, Sort.DUE);

    /** Due-date filters, on the official's calendar day (Beijing time). */
    public enum Due {
        ANY("全部"), OVERDUE("已逾期"), TODAY("今天到期（含已逾期）"), WEEK("7 天内到期（含已逾期）"), NONE("无办理期限");

        private final String label;

        Due(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Orders; the "-" variants reverse. Ties fall back to due date, then creation, so the order is stable. */
    public enum Sort {
        DUE("due"), DUE_DESC("-due"), CREATED("created"), CREATED_DESC("-created"), PROCESS("process"),
        PROJECT("project"), UNIT("unit");

        private final String param;

        Sort(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        static Sort of(String param) {
            for (Sort sort : values()) {
                if (sort.param.equals(param)) {
                    return sort;
                }
            }
            return DUE;
        }
    }

    public static TaskFilter of(String processKey, String project, String unit, String due, String sort) {
        Due parsedDue = Due.ANY;
        if (due != null) {
            for (Due candidate : Due.values()) {
                if (candidate.name().equalsIgnoreCase(due)) {
                    parsedDue = candidate;
                }
            }
        }
        return new TaskFilter(blankToNull(processKey), blankToNull(project), blankToNull(unit), parsedDue,
                Sort.of(sort));
    }

    public boolean isEmpty() {
        return processKey == null && project == null && unit == null && due == Due.ANY;
    }

    boolean matches(TaskView task, Instant now) {
        if (processKey != null && !processKey.equals(task.processKey())) {
            return false;
        }
        if (unit != null && !unit.equals(task.reportingUnit())) {
            return false;
        }
        if (project != null && !matchesProject(task)) {
            return false;
        }
        return switch (due) {
            case ANY -> true;
            case OVERDUE -> task.overdue();
            case NONE -> task.due() == null;
            case TODAY -> task.due() != null && task.due().isBefore(endOfDay(now, 0));
            case WEEK -> task.due() != null && task.due().isBefore(endOfDay(now, 7));
        };
    }

    private boolean matchesProject(TaskView task) {
        String wanted = project.strip().toLowerCase(Locale.ROOT);
        String number = wanted.startsWith("#") ? wanted.substring(1) : wanted;
        return contains(task.companyName(), wanted) || contains(task.projectName(), wanted)
                || (task.projectId() != null && task.projectId().toString().equals(number))
                || (task.leadId() != null && task.leadId().toString().equals(number));
    }

    private static boolean contains(String text, String wanted) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
    }

    static Instant endOfDay(Instant now, int daysAhead) {
        LocalDate day = ZonedDateTime.ofInstant(now, EngineClock.BEIJING).toLocalDate().plusDays(daysAhead + 1L);
        return day.atStartOfDay(EngineClock.BEIJING).toInstant();
    }

    Comparator<TaskView> comparator() {
        Comparator<TaskView> byDue = byDates(Sort.DUE, TaskView::due, TaskView::created, TaskView::id);
        return switch (sort) {
            case PROCESS -> text(TaskView::processName).thenComparing(byDue);
            case PROJECT -> text(TaskView::subjectTitle).thenComparing(byDue);
            case UNIT -> text(TaskView::unitName).thenComparing(byDue);
            default -> byDates(sort, TaskView::due, TaskView::created, TaskView::id);
        };
    }

    /**
     * The same order on the engine's tasks, before anything is looked up for them; empty when it needs what is looked
     * up (process name, project, unit).
     */
    Optional<Comparator<Task>> taskOrder() {
        return switch (sort) {
            case PROCESS, PROJECT, UNIT -> Optional.empty();
            default -> Optional.of(byDates(sort, task -> instant(task.getDueDate()),
                    task -> instant(task.getCreateTime()), Task::getId));
        };
    }

    /** By due date (none last) or creation; ties by due date, then creation, then id, so the order is stable. */
    private static <T> Comparator<T> byDates(Sort sort, Function<T, Instant> due, Function<T, Instant> created,
            Function<T, String> id) {
        Comparator<T> byCreated = Comparator.comparing(created);
        Comparator<T> stable = Comparator.comparing(due, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                .thenComparing(byCreated).thenComparing(id);
        return switch (sort) {
            case DUE_DESC -> Comparator.comparing(due, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                    .thenComparing(byCreated.reversed()).thenComparing(id);
            case CREATED -> byCreated.thenComparing(stable);
            case CREATED_DESC -> byCreated.reversed().thenComparing(stable);
            default -> stable;
        };
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Chinese text in the order people expect from a list (pinyin), empty values last. */
    private static Comparator<TaskView> text(Function<TaskView, String> field) {
        java.text.Collator chinese = java.text.Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
        return Comparator.comparing(field, Comparator.nullsLast(chinese::compare));
    }

    List<TaskView> apply(List<TaskView> tasks, Instant now) {
        return tasks.stream().filter(task -> matches(task, now)).sorted(comparator()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
