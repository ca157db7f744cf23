package cn.zhaoshang.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * W3, reminders: {@code timers} landing approvals whose 到期催办 timers (Timer_ConsentByCountyHeadReminder) all fall due
 * at the same moment, as on the morning after a holiday; the time until every one has fired, on one node (this JVM's
 * job executor) or two (plus a packaged node on the same database). Each firing sends the reminder and writes one
 * REMINDER_SENT ledger event for its project, so "exactly once" is counted in the ledger: every project one event, no
 * project two, no job left with an exception.
 */
final class ReminderStorm {

    private static final String REMINDER = "Timer_ConsentByCountyHeadReminder";

    private ReminderStorm() {
    }

    static Map<String, Object> run(BenchApp app, String tag, boolean secondNode) throws Exception {
        int timers = app.options.timers();
        Templates.Approval template = new Templates(app).atConsent("基准催办模板" + tag + "有限公司");
        long first;
        Timestamp never = Timestamp.from(Instant.parse("2099-12-31T00:00:00Z"));
        try (Connection connection = app.loaderConnection()) {
            InstanceCloner cloner = InstanceCloner.capture(connection, template.processInstanceId(), template.projectId());
            first = TaskListLoad.nextProjectId(connection);
            cloner.write(connection, tag, timers, 0, first, (table, column, value, copy) ->
                    table.equals("ACT_RU_JOB") && column.equals("DUEDATE_") ? never : value);
            TaskListLoad.restartProjectIds(app, connection);
        }
        NodeProcess node = null;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("timers", timers);
        result.put("nodes", secondNode ? 2 : 1);
        try {
            if (secondNode) {
                long started = System.nanoTime();
                node = NodeProcess.start("bench-node-2", app.options, app.database, app.setting.arguments());
                node.awaitReady(started, Duration.ofMinutes(3));
                if (app.setting.withoutProductIndexes()) {
                    app.dropProductIndexes();
                }
            }
            // one node: the figures say where a firing's time goes (the second node's CPU would not be in this JVM's)
            Map<String, Long> statusBefore = secondNode ? Map.of() : ServerStatus.read(app);
            CpuProfile profile = secondNode ? null : new CpuProfile();
            long start;
            try (Connection connection = app.dataSource().getConnection();
                    PreparedStatement due = connection.prepareStatement("UPDATE ACT_RU_JOB SET DUEDATE_ = ? "
                            + "WHERE ID_ LIKE ? AND HANDLER_CFG_ LIKE ?")) {
                due.setTimestamp(1, Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)));
                due.setString(2, InstanceCloner.likeBatch(tag));
                due.setString(3, REMINDER + "%");
                start = System.nanoTime();
                int updated = due.executeUpdate();
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                result.put("timersDue", updated);
            }
            long deadline = start + Duration.ofMinutes(10).toNanos();
            long left;
            do {
                Thread.sleep(100);
                left = remaining(app, tag);
            } while (left > 0 && System.nanoTime() < deadline);
            double seconds = (System.nanoTime() - start) / 1e9;
            result.put("seconds", Stats.round(seconds));
            result.put("timersPerSecond", Stats.round(timers / seconds));
            result.put("notFired", left);
            if (profile != null) {
                try (profile) {
                    result.put("cpuPerTimer", profile.figures(timers));
                }
                Map<String, Long> statusAfter = ServerStatus.read(app);
                if (!statusAfter.isEmpty()) {
                    result.put("serverStatementsPerTimer", ServerStatus.perUnit(statusBefore, statusAfter, timers));
                }
            }
        } finally {
            if (node != null) {
                node.close();
            }
        }
        try (Connection connection = app.dataSource().getConnection()) {
            long last = first + timers - 1;
            result.put("projectsReminded", TaskListLoad.count(connection, "SELECT COUNT(DISTINCT project_id) FROM ledger_event "
                    + "WHERE event_type = 'REMINDER_SENT' AND project_id BETWEEN " + first + " AND " + last));
            result.put("remindersRecorded", TaskListLoad.count(connection, "SELECT COUNT(*) FROM ledger_event "
                    + "WHERE event_type = 'REMINDER_SENT' AND project_id BETWEEN " + first + " AND " + last));
            result.put("firedTwice", TaskListLoad.count(connection, "SELECT COUNT(*) FROM (SELECT project_id FROM ledger_event "
                    + "WHERE event_type = 'REMINDER_SENT' AND project_id BETWEEN " + first + " AND " + last
                    + " GROUP BY project_id HAVING COUNT(*) > 1) twice"));
            result.put("failedJobs", TaskListLoad.count(connection, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ LIKE '"
                    + InstanceCloner.likeBatch(tag) + "' AND EXCEPTION_MSG_ IS NOT NULL"));
        }
        return result;
    }

    private static long remaining(BenchApp app, String tag) throws SQLException {
        try (Connection connection = app.dataSource().getConnection()) {
            return TaskListLoad.count(connection, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ LIKE '" + InstanceCloner.likeBatch(tag)
                    + "' AND HANDLER_CFG_ LIKE '" + REMINDER + "%' AND EXCEPTION_MSG_ IS NULL");
        }
    }
}
