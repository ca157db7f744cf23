package cn.zhaoshang.task;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.support.LifecycleIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task list's own indexed query (docs/performance.md, W2) lists exactly what Camunda's {@code TaskQuery} lists, in
 * the same order: the unclaimed tasks offered to an official or their groups, and the tasks assigned to them, earliest
 * due first; 
 */
class TaskListQueryIT extends LifecycleIT {

    @Autowired
    TaskActionService service;
    /** Camunda's order: due date ascending with tasks without one first (as MySQL and H2 sort NULL), then creation. */
    private static final java.util.Comparator<TaskView> EARLIEST_DUE = java.util.Comparator
            .comparing(TaskView::due, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(TaskView::created);

    private List<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).unlimitedList().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    }

    /** {@code count} landing approvals now waiting for the county head's consent, of companies named alike. */
    private String submitted(String name, int count) {
        String company = name + Long.toString(System.nanoTime(), 36) + "有限公司";
        for (int i = 0; i < count; i++) {
            java.util.Map<String, Object> application = new java.util.LinkedHashMap<>(application("SERVICE", 6));
            application.put("companyName", company + i);
            submit(application);
        }
        return company;
    }

    @Test
    void theListIsCamundasTaskQueryInTheSameOrder() {
        String company = submitted("列表对照", 3);
        Task claimed = taskService.createTaskQuery().taskDefinitionKey(LandingApproval.Step.CONSENT_BY_COUNTY_HEAD)
                .taskUnassigned().active().orderByTaskCreateTime().desc().listPage(0, 1).get(0);
        assertThat(post("/api/tasks/" + claimed.getId() + "/claim", "countyhead", null).status()).isEqualTo(204);

        for (String user : List.of("countyhead", "deputy", "center", "drc")) {
            List<String> group = service.list("group", user, TaskFilter.NONE).stream().map(TaskView::id).toList();
            List<String> camundaGroup = taskService.createTaskQuery().active().taskCandidateUser(user).orderByDueDate()
                    .asc().orderByTaskCreateTime().asc().listPage(0, TaskActionService.PAGE_SIZE).stream()
                    .map(Task::getId).toList();
            // the same tasks; ties of due date and creation may come in either order
            assertThat(group).as("offered to %s", user).containsExactlyInAnyOrderElementsOf(camundaGroup);
            assertThat(service.list("group", user, TaskFilter.NONE)).as("earliest due first")
                    .isSortedAccordingTo(EARLIEST_DUE);
            List<String> mine = service.list("mine", user, TaskFilter.NONE).stream().map(TaskView::id).toList();
            List<String> camundaMine = taskService.createTaskQuery().active().taskAssignee(user).orderByDueDate().asc()
                    .orderByTaskCreateTime().asc().listPage(0, TaskActionService.PAGE_SIZE).stream().map(Task::getId)
                    .toList();
            assertThat(mine).as("assigned to %s", user).containsExactlyInAnyOrderElementsOf(camundaMine);
            TaskActionService.Counts counts = service.counts(user);
            long limit = TaskActionService.COUNT_LIMIT;
            assertThat(counts.mine()).isEqualTo(Math.min(limit, taskService.createTaskQuery().active()
                    .taskAssignee(user).count()));
            long offered = taskService.createTaskQuery().active().taskCandidateUser(user).count();
            assertThat(counts.group()).isEqualTo(Math.min(limit, offered));
            // counting stops at the limit asked for
            assertThat(new TaskListQuery().offeredTo(user, groupsOf(user)).count(taskService, managementService,
                    identityService, 1)).isEqualTo(Math.min(1, offered));
        }
        assertThat(service.list("mine", "countyhead", TaskFilter.NONE)).extracting(TaskView::id).contains(claimed.getId());
        assertThat(service.list("group", "countyhead", TaskFilter.NONE)).extracting(TaskView::id)
                .doesNotContain(claimed.getId());
        assertThat(service.list("group", "countyhead", new TaskFilter("Process_LeadScreening", null, null,
                TaskFilter.Due.ANY, TaskFilter.Sort.DUE))).extracting(TaskView::processKey)
                .allMatch("Process_LeadScreening"::equals);
        assertThat(service.list("group", "countyhead", new TaskFilter(null, company, null, TaskFilter.Due.ANY,
                TaskFilter.Sort.DUE))).extracting(TaskView::companyName).allMatch(name -> name.startsWith(company));
    }

    /** A page of the workbench is that slice of the list, in every order, with the list's length as its total. */
    @Test
    void aShownPageIsThatSliceOfTheList() {
        String company = submitted("分页对照", 5);
        for (TaskFilter.Sort sort : TaskFilter.Sort.values()) {
            TaskFilter filter = new TaskFilter(null, company, null, TaskFilter.Due.ANY, sort);
            List<String> all = service.list("group", "countyhead", filter).stream().map(TaskView::id).toList();
            assertThat(all).as(sort.param()).hasSize(5);
            TaskActionService.ShownTasks second = service.shown("group", "countyhead", filter, 2, 2);
            assertThat(second.total()).isEqualTo(5);
            assertThat(second.tasks()).extracting(TaskView::id).as(sort.param()).isEqualTo(all.subList(2, 4));
            assertThat(second.tasks()).extracting(TaskView::companyName).allMatch(name -> name.startsWith(company));
            assertThat(service.shown("group", "countyhead", filter, 4, 2).tasks()).hasSize(1);
            assertThat(service.shown("group", "countyhead", filter, 6, 2).tasks()).isEmpty();
        }
    }
}
