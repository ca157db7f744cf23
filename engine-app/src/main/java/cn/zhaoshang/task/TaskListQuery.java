package cn.zhaoshang.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

import cn.zhaoshang.system.WithoutAuthorization;

/**
 * The first page of an official's task list as one indexed query (docs/performance.md, W2): the open tasks assigned to
 * them, or not yet claimed and offered to them or one of their groups, walked in the order asked for along
 * {@code zs_idx_task_due} until the page is full.
 * <p>
 * Why not Camunda's {@code TaskQuery}: with authorization on, it joins every row of ACT_RU_AUTHORIZATION the caller's
 * groups hold (one per task they are candidates of) with an OR over task id, definition key and {@code *}, and with the
 * candidate join it is a {@code SELECT DISTINCT} that MySQL sorts in full before the limit: 40 s for the county head at
 * 20 000 running tasks. The condition of this query is itself the authorization the list needs (tasks assigned to the
 * caller or offered to the caller's groups; Camunda grants exactly these by its per-task authorizations), so it runs
 * without Camunda's check; claiming and completing still go through it. Values are bound parameters, never text.
 */
final class TaskListQuery {

    private static final String TASKS = "{tasks}";
    private static final String IDENTITY_LINKS = "{identityLinks}";
    private static final String PROCESS_DEFINITIONS = "{processDefinitions}";
    private static final String OFFERED = "{offered}";

    private final StringBuilder where = new StringBuilder(" WHERE RES.SUSPENSION_STATE_ = 1");
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    /**
     * "Offered to me" for a page: a correlated count, which MySQL/MariaDB evaluate per task while walking the due-date
     * index and stop after a page (about a thousand index reads, whatever the table holds); as an EXISTS it would be
     * turned into a semi-join that first reads every candidate link of the groups (7 000 at 20 000 tasks).
     */
    private String offeredToPage = "";
    /**
     * "Offered to me" for counting, one condition on the candidate link per way of being offered (to the user, to
     * the groups): counted from the links' own indexes, each way stopping at the limit (see {@link #count}).
     */
    private final List<String> offeredLinks = new ArrayList<>();
    private String orderBy = " ORDER BY RES.DUE_DATE_ ASC, RES.CREATE_TIME_ ASC";

    /** Tasks assigned to the user. */
    TaskListQuery assignedTo(String userId) {
        where.append(" AND RES.ASSIGNEE_ = #{userId}");
        parameters.put("userId", userId);
        return this;
    }

    /** Unclaimed tasks offered to the user or to one of the groups (Camunda's {@code taskCandidateUser}). */
    TaskListQuery offeredTo(String userId, Collection<String> groupIds) {
        parameters.put("userId", userId);
        offeredLinks.add("I.TYPE_ = 'candidate' AND I.USER_ID_ = #{userId}");
        StringBuilder links = new StringBuilder("FROM ").append(IDENTITY_LINKS)
                .append(" I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND (I.USER_ID_ = #{userId}");
        if (!groupIds.isEmpty()) {
            String groups = placeholders("group", new ArrayList<>(groupIds));
            links.append(" OR I.GROUP_ID_ IN (").append(groups).append(')');
            offeredLinks.add("I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (" + groups + ")");
        }
        links.append(')');
        where.append(" AND RES.ASSIGNEE_ IS NULL AND ").append(OFFERED);
        offeredToPage = "(SELECT COUNT(*) " + links + ") > 0";
        return this;
    }

    TaskListQuery processDefinitionKey(String key) {
        where.append(" AND RES.PROC_DEF_ID_ IN (SELECT D.ID_ FROM ").append(PROCESS_DEFINITIONS)
                .append(" D WHERE D.KEY_ = #{processKey})");
        parameters.put("processKey", key);
        return this;
    }

    TaskListQuery processInstanceIdIn(Collection<String> ids) {
        where.append(" AND RES.PROC_INST_ID_ IN (").append(placeholders("instance", new ArrayList<>(ids))).append(')');
        return this;
    }

    TaskListQuery dueBefore(Date date) {
        where.append(" AND RES.DUE_DATE_ < #{dueBefore}");
        parameters.put("dueBefore", date);
        return this;
    }

    TaskListQuery withoutDueDate() {
        where.append(" AND RES.DUE_DATE_ IS NULL");
        return this;
    }

    TaskListQuery orderBy(TaskFilter.Sort sort) {
        orderBy = switch (sort) {
            case DUE_DESC -> " ORDER BY RES.DUE_DATE_ DESC, RES.CREATE_TIME_ DESC";
            case CREATED -> " ORDER BY RES.CREATE_TIME_ ASC";
            case CREATED_DESC -> " ORDER BY RES.CREATE_TIME_ DESC";
            default -> " ORDER BY RES.DUE_DATE_ ASC, RES.CREATE_TIME_ ASC";
        };
        return this;
    }

    List<Task> page(TaskService taskService, ManagementService managementService, IdentityService identityService,
            int size) {
        return WithoutAuthorization.run(identityService, () -> {
            String sql = sql(managementService, "SELECT RES.* FROM " + TASKS + " RES"
                    + where.toString().replace(OFFERED, offeredToPage) + orderBy);
            var query = taskService.createNativeTaskQuery().sql(sql);
            parameters.forEach(query::parameter);
            return query.listPage(0, size);
        });
    }

    /**
     * How many tasks match, counted up to {@code limit}: a tab says "999+" rather than count 50 000 tasks on every page
     * (0.7 s at 100 000 running projects). Offered tasks are counted from the candidate links, once per way of being
     * offered (to the user; to the groups), each stopping at {@code limit} distinct tasks, and the union of those
     * counted up to {@code limit} again: 4 ms for the county head's 53 336 offered tasks and 0.1 ms for a small group,
     * where one query over the tasks with an EXISTS took 115 ms (docs/performance.md, W2).
     */
    long count(TaskService taskService, ManagementService managementService, IdentityService identityService,
            int limit) {
        return WithoutAuthorization.run(identityService, () -> {
            String counted;
            if (offeredLinks.isEmpty()) {
                counted = "SELECT 1 FROM " + TASKS + " RES" + where + " LIMIT " + limit;
            } else {
                List<String> ways = new ArrayList<>();
                for (String link : offeredLinks) {
                    ways.add("SELECT ID_ FROM (SELECT DISTINCT RES.ID_ FROM " + IDENTITY_LINKS + " I JOIN " + TASKS
                            + " RES ON RES.ID_ = I.TASK_ID_" + where.toString().replace(OFFERED, link) + " LIMIT "
                            + limit + ") W" + ways.size());
                }
                counted = "SELECT ID_ FROM (" + String.join(" UNION ", ways) + ") O LIMIT " + limit;
            }
            String sql = sql(managementService, "SELECT COUNT(*) FROM (" + counted + ") C");
            var query = taskService.createNativeTaskQuery().sql(sql);
            parameters.forEach(query::parameter);
            return query.count();
        });
    }

    /** Camunda's table names (with any configured prefix); asking for them is itself an admin call, hence here. */
    private static String sql(ManagementService managementService, String template) {
        return template.replace(TASKS, managementService.getTableName(TaskEntity.class))
                .replace(IDENTITY_LINKS, managementService.getTableName(IdentityLinkEntity.class))
                .replace(PROCESS_DEFINITIONS, managementService.getTableName(ProcessDefinitionEntity.class));
    }

    private String placeholders(String prefix, List<String> values) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String name = prefix + i;
            parameters.put(name, values.get(i));
            names.add("#{" + name + "}");
        }
        return String.join(", ", names);
    }
}
