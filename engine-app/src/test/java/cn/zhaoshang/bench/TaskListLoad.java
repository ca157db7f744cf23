package cn.zhaoshang.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;

import cn.zhaoshang.task.TaskActionService;
import cn.zhaoshang.task.TaskFilter;

/**
 * W2, the task list at a county's volume: {@code taskListProjects} running landing approvals (a third waiting for the
 * county head's consent, one in fifty of those claimed by him, the rest for the deputy head's approval), at least
 * {@code taskListHistoryRows} rows in Camunda's history tables, then the county head's first page of "my tasks" and
 * of "my groups' tasks", earliest due first, through the workbench's own service with his Camunda authentication (as
 * the request filter sets it), so Camunda's authorization checks run as in production.
 */
final class TaskListLoad {

    static final String OFFICIAL = "countyhead";

    private TaskListLoad() {
    }

    static Map<String, Object> run(BenchApp app) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        long loadStart = System.nanoTime();
        load(app, result);
        result.put("loadSeconds", Stats.round((System.nanoTime() - loadStart) / 1e9));
        try (Connection connection = app.dataSource().getConnection()) {
            result.put("runningTasks", count(connection, "SELECT COUNT(*) FROM ACT_RU_TASK"));
            result.put("runningProcessInstances", count(connection,
                    "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_"));
            result.put("historyRows", historyRows(connection));
            result.put("tasksOfOfficialGroup", count(connection, "SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK "
                    + "WHERE GROUP_ID_ = 'county-head' AND TYPE_ = 'candidate'"));
        }
        TaskActionService service = app.bean(TaskActionService.class);
        IdentityService identity = app.bean(IdentityService.class);
        List<String> groups = identity.createGroupQuery().groupMember(OFFICIAL).list().stream().map(g -> g.getId()).toList();
        Stats stats = new Stats();
        int queries = app.options.taskListQueries();
        identity.setAuthentication(OFFICIAL, groups);
        try {
            for (int i = 0; i < Math.min(50, queries); i++) { // warm-up: plans, caches, JIT
                firstPage(service, "mine");
                firstPage(service, "group");
            }
            int mine = 0;
            int group = 0;
            for (int i = 0; i < queries; i++) {
                // what a page of the task list asks the database: its tab's first page and the tabs' counts
                long start = System.nanoTime();
                mine = stats.time("mine", () -> firstPage(service, "mine")).total();
                long between = System.nanoTime();
                stats.time("tab counts", () -> service.counts(OFFICIAL));
                long counted = System.nanoTime();
                group = stats.time("group", () -> firstPage(service, "group")).total();
                long end = System.nanoTime();
                stats.record("mine+group first page", (between - start) + (end - counted));
                stats.record("我的待办 page (list + tab counts)", counted - start);
                stats.record("待认领 page (list + tab counts)", (end - counted) + (counted - between));
            }
            // where the time goes: Camunda's own TaskQuery, as the list ran before (with the official's
            // authorization checks: slow enough that a few runs say it — 40 s at 20 000 tasks, so on MySQL one run
            // is cut off after CAMUNDA_QUERY_LIMIT and reported as at least that), and without the checks
            org.camunda.bpm.engine.TaskService tasks = app.bean(org.camunda.bpm.engine.TaskService.class);
            identity.clearAuthentication();
            result.put("camundaTaskQueryWithAuthorization", camundaQueryWithAuthorization(app, tasks, identity, groups,
                    stats));
            for (int i = 0; i < Math.min(20, queries); i++) {
                stats.time("Camunda TaskQuery group, without authorization checks", () -> tasks.createTaskQuery()
                        .active().taskCandidateGroupIn(groups).orderByDueDate().asc().orderByTaskCreateTime().asc()
                        .listPage(0, TaskActionService.PAGE_SIZE));
            }
            result.put("firstPageMine", mine);
            result.put("firstPageGroup", group);
        } finally {
            identity.clearAuthentication();
        }
        result.put("queries", queries);
        result.put("latency", stats.summary());
        return result;
    }

    /** The first page of a tab as the workbench shows it: 50 tasks of the 200 earliest due. */
    private static TaskActionService.ShownTasks firstPage(TaskActionService service, String scope) {
        return service.shown(scope, OFFICIAL, TaskFilter.NONE, 0, TaskActionService.SHOWN_PAGE_SIZE);
    }

    /** How long a run of Camunda's own query with authorization checks may take before it is cut off. */
    static final long CAMUNDA_QUERY_LIMIT_MS = Long.getLong("bench.camundaQueryLimitMillis", 90_000);

    /**
     * Camunda's TaskQuery under the official's authorization, run in a thread of its own (the authentication is the
     * thread's): three runs on H2's small table; on MySQL one, killed on the server ({@code KILL QUERY}) when it
     * takes longer than {@link #CAMUNDA_QUERY_LIMIT_MS} and reported as at least that.
     */
    private static Map<String, Object> camundaQueryWithAuthorization(BenchApp app,
            org.camunda.bpm.engine.TaskService tasks, IdentityService identity, List<String> groups, Stats stats)
            throws Exception {
        Map<String, Object> outcome = new LinkedHashMap<>();
        int runs = app.options.mysql() ? 1 : 3;
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                java.util.concurrent.Future<?> run = thread.submit(() -> {
                    identity.setAuthentication(OFFICIAL, groups);
                    try {
                        return tasks.createTaskQuery().active().taskCandidateUser(OFFICIAL).orderByDueDate().asc()
                                .orderByTaskCreateTime().asc().listPage(0, TaskActionService.PAGE_SIZE);
                    } finally {
                        identity.clearAuthentication();
                    }
                });
                try {
                    run.get(CAMUNDA_QUERY_LIMIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
                    stats.record("Camunda TaskQuery group, with authorization checks", System.nanoTime() - start);
                } catch (java.util.concurrent.TimeoutException e) {
                    killAuthorizedTaskQuery(app);
                    try {
                        run.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException killed) {
                        // the server ended it
                    }
                    outcome.put("cutOffAfterSeconds", Stats.round(CAMUNDA_QUERY_LIMIT_MS / 1000.0));
                }
                outcome.put("seconds", Stats.round((System.nanoTime() - start) / 1e9));
            }
        } finally {
            thread.shutdownNow();
        }
        outcome.put("runs", runs);
        return outcome;
    }

    private static void killAuthorizedTaskQuery(BenchApp app) throws SQLException {
        try (Connection connection = app.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet running = statement.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE "
                        + "COMMAND = 'Query' AND ID <> CONNECTION_ID() AND INFO LIKE '%ACT_RU_AUTHORIZATION%' "
                        + "AND INFO LIKE '%ACT_RU_TASK%'")) {
            List<Long> ids = new java.util.ArrayList<>();
            while (running.next()) {
                ids.add(running.getLong(1));
            }
            for (long id : ids) {
                try (Statement kill = connection.createStatement()) {
                    kill.execute("KILL QUERY " + id);
                }
            }
        }
    }

    private static void load(BenchApp app, Map<String, Object> result) throws Exception {
        Templates templates = new Templates(app);
        Templates.Approval consent = templates.atConsent("基准任务列表模板甲有限公司");
        Templates.Approval deputy = templates.atDeputyApproval("基准任务列表模板乙有限公司");
        int total = app.options.taskListProjects();
        int consentCopies = total / 3;
        int deputyCopies = total - consentCopies;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Timestamp never = Timestamp.from(Instant.parse("2099-12-31T00:00:00Z"));
        try (Connection connection = app.loaderConnection()) {
            InstanceCloner a = InstanceCloner.capture(connection, consent.processInstanceId(), consent.projectId());
            InstanceCloner b = InstanceCloner.capture(connection, deputy.processInstanceId(), deputy.projectId());
            int historyPerCopy = Math.max(1, (a.rowsPerCopy()[1] + b.rowsPerCopy()[1]) / 2);
            int historyCopies = (int) Math.min(total, (long) Math.ceil(app.options.taskListHistoryRows() / (double) historyPerCopy));
            long first = nextProjectId(connection);
            // due dates spread from 30 days overdue to 60 days ahead; the timers never fire during the benchmark
            InstanceCloner.Tweak tweak = (table, column, value, copy) -> {
                if (table.equals("ACT_RU_TASK") && column.equals("DUE_DATE_")) {
                    return Timestamp.from(now.plus((copy * 7919L) % (90 * 24) - 30 * 24, ChronoUnit.HOURS));
                }
                if (table.equals("ACT_RU_JOB") && column.equals("DUEDATE_")) {
                    return never;
                }
                return value;
            };
            InstanceCloner.Tweak claimed = (table, column, value, copy) -> {
                if (table.equals("ACT_RU_TASK") && column.equals("ASSIGNEE_") && copy % 50 == 0) {
                    return OFFICIAL;
                }
                return tweak.apply(table, column, value, copy);
            };
            long rows = a.write(connection, "a", consentCopies, historyCopies / 3, first, claimed);
            rows += b.write(connection, "b", deputyCopies, historyCopies - historyCopies / 3, first + consentCopies, tweak);
            restartProjectIds(app, connection);
            result.put("rowsLoaded", rows);
            result.put("howLoaded", "two real landing approvals (at the county head's consent and at the deputy head's "
                    + "approval) copied row by row with new ids in batched multi-row INSERTs (InstanceCloner)");
        }
    }

    static long nextProjectId(Connection connection) throws SQLException {
        return count(connection, "SELECT COALESCE(MAX(id), 0) FROM project") + 1_000;
    }

    /** H2 does not move an identity column past explicitly inserted ids; MySQL/MariaDB do. */
    static void restartProjectIds(BenchApp app, Connection connection) throws SQLException {
        if (!app.options.mysql()) {
            long next = count(connection, "SELECT COALESCE(MAX(id), 0) FROM project") + 1;
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE project ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }

    static long historyRows(Connection connection) throws SQLException {
        long rows = 0;
        for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
                "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT",
                "ACT_HI_OP_LOG", "ACT_HI_JOB_LOG", "ACT_HI_COMMENT")) {
            rows += count(connection, "SELECT COUNT(*) FROM " + table);
        }
        return rows;
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
