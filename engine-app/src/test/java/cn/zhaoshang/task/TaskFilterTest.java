package cn.zhaoshang.task;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhaoshang.system.EngineClock;

import static org.assertj.core.api.Assertions.assertThat;

/** Filters and orders of the task lists, on the official's calendar day (Beijing time). */
class TaskFilterTest {

    private static Instant beijing(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(EngineClock.BEIJING).toInstant();
    }

    private static TaskView task(String id, String process, String company, Long projectId, String unitName, String due,
            String created, boolean overdue) {
        return new TaskView(id, "县长同意", "Task_ConsentByCountyHead", "pi-" + id, "Process_LandingApproval", process,
                projectId, projectId == null ? null : projectId + 100, null, null, company, "项目", "T1", "unit-" + unitName,
                unitName, null, beijing(created), due == null ? null : beijing(due), overdue);
    }

    private static final Instant NOW = beijing("2026-05-06T15:00");
    private static final TaskView LATE = task("a", "落地审批", "甲公司", 1L, "尖山镇", "2026-05-05T17:00", "2026-04-01T09:00", true);
    private static final TaskView TODAY = task("b", "线索甄别", "乙公司", 2L, "安文街道", "2026-05-06T23:00", "2026-05-01T09:00", false);
    private static final TaskView NEXT_WEEK = task("c", "考察洽谈", "丙公司", 3L, null, "2026-05-12T17:00", "2026-05-02T09:00", false);
    private static final TaskView OPEN_ENDED = task("d", "履约跟踪", "丁公司", null, "城东招商组", null, "2026-05-03T09:00", false);
    private static final List<TaskView> ALL = List.of(NEXT_WEEK, OPEN_ENDED, TODAY, LATE);

    @Test
    void dueFilters_countCalendarDaysInBeijing() {
        assertThat(TaskFilter.of(null, null, null, "overdue", null).apply(ALL, NOW)).containsExactly(LATE);
        assertThat(TaskFilter.of(null, null, null, "TODAY", null).apply(ALL, NOW)).containsExactly(LATE, TODAY);
        assertThat(TaskFilter.of(null, null, null, "WEEK", null).apply(ALL, NOW)).containsExactly(LATE, TODAY, NEXT_WEEK);
        assertThat(TaskFilter.of(null, null, null, "NONE", null).apply(ALL, NOW)).containsExactly(OPEN_ENDED);
        assertThat(TaskFilter.of(null, null, null, "soon", "sideways")).as("unknown values: no filter, the default order")
                .isEqualTo(TaskFilter.NONE);
    }

    @Test
    void projectMatchesNamesOrNumbers_unitMatchesItsCode() {
        assertThat(TaskFilter.of(null, "乙公", null, null, null).apply(ALL, NOW)).containsExactly(TODAY);
        assertThat(TaskFilter.of(null, "#3", null, null, null).apply(ALL, NOW)).containsExactly(NEXT_WEEK);
        assertThat(TaskFilter.of(null, "101", null, null, null).apply(ALL, NOW)).as("the lead's number").containsExactly(LATE);
        assertThat(TaskFilter.of(null, null, "unit-安文街道", null, null).apply(ALL, NOW)).containsExactly(TODAY);
        assertThat(TaskFilter.of("Process_LeadScreening", null, null, null, null).apply(ALL, NOW)).isEmpty();
        assertThat(TaskFilter.of(" ", " ", "", "", "").isEmpty()).isTrue();
    }

    @Test
    void orders_withoutDueDateLast_chineseInPinyinOrder() {
        assertThat(TaskFilter.NONE.apply(ALL, NOW)).containsExactly(LATE, TODAY, NEXT_WEEK, OPEN_ENDED);
        assertThat(TaskFilter.of(null, null, null, null, "-due").apply(ALL, NOW))
                .containsExactly(NEXT_WEEK, TODAY, LATE, OPEN_ENDED);
        assertThat(TaskFilter.of(null, null, null, null, "-created").apply(ALL, NOW))
                .containsExactly(OPEN_ENDED, NEXT_WEEK, TODAY, LATE);
        // 安文 (ān) < 城东 (chéng) < 尖山 (jiān); a task without a unit last
        assertThat(TaskFilter.of(null, null, null, null, "unit").apply(ALL, NOW))
                .containsExactly(TODAY, OPEN_ENDED, LATE, NEXT_WEEK);
    }

    /** The workbench orders the engine's tasks before looking up their projects; it must be the order of the views. */
    @Test
    void theOrderOfTheEngineTasks_isTheOrderOfTheirViews_forTheDateSorts() {
        TaskView sameDueLater = task("e", "落地审批", "戊公司", 5L, "尖山镇", "2026-05-05T17:00", "2026-04-02T09:00", true);
        TaskView sameDueAndCreated = task("f", "落地审批", "己公司", 6L, "尖山镇", "2026-05-05T17:00", "2026-04-02T09:00", true);
        List<TaskView> views = List.of(NEXT_WEEK, sameDueAndCreated, OPEN_ENDED, TODAY, sameDueLater, LATE);
        for (TaskFilter.Sort sort : TaskFilter.Sort.values()) {
            TaskFilter filter = TaskFilter.of(null, null, null, null, sort.param());
            if (filter.taskOrder().isEmpty()) {
                assertThat(sort).as("looked-up columns").isIn(TaskFilter.Sort.PROCESS, TaskFilter.Sort.PROJECT,
                        TaskFilter.Sort.UNIT);
                continue;
            }
            List<String> byTasks = views.stream().map(TaskFilterTest::engineTask).sorted(filter.taskOrder().get())
                    .map(org.camunda.bpm.engine.task.Task::getId).toList();
            assertThat(byTasks).as(sort.param()).isEqualTo(filter.apply(views, NOW).stream().map(TaskView::id).toList());
        }
    }

    private static org.camunda.bpm.engine.task.Task engineTask(TaskView view) {
        org.camunda.bpm.engine.impl.persistence.entity.TaskEntity task =
                new org.camunda.bpm.engine.impl.persistence.entity.TaskEntity(view.id());
        task.setCreateTime(java.util.Date.from(view.created()));
        task.setDueDate(view.due() == null ? null : java.util.Date.from(view.due()));
        return task;
    }
}
