package cn.zhaoshang.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Bulk loading for W2 and W3: a real process instance, started and moved by the engine, copied row by row many times
 * over with fresh ids, in batched multi-row INSERTs (MySQL Connector/J {@code rewriteBatchedStatements}) instead of
 * going through the engine once per instance. What is copied: every Camunda runtime row of the instance (executions,
 * task, candidate links, variables, timer jobs, the per-task authorizations, byte arrays), its history rows (optional:
 * W2 asks for a given number of history rows, not for every copy's), and its project with the project's approval
 * records and ledger events. Every id of a copied row, wherever it appears, gets the copy's suffix; the project gets a
 * new number, in its row, in every {@code project_id} and in the {@code projectId} variable. The copies are instances
 * the engine cannot tell from ones it made: W3 fires their timers, W5-style completion would move them on.
 */
final class InstanceCloner {

    /** One table's rows of the template, and which of its columns are left out of the copy (auto-increment ids). */
    private record Rows(String table, boolean history, List<String> columns, List<Object[]> rows, Set<String> skipped) {
    }

    /** Changes to a copy's rows (due dates, assignee), by table and column. */
    interface Tweak {
        Object apply(String table, String column, Object value, int copy);
    }

    private final List<Rows> tables = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final long projectId;

    private InstanceCloner(long projectId) {
        this.projectId = projectId;
    }

    static InstanceCloner capture(Connection connection, String processInstanceId, long projectId) throws SQLException {
        InstanceCloner cloner = new InstanceCloner(projectId);
        cloner.ids.add(processInstanceId);
        List<String> camundaTables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), null, "ACT_%", new String[] {"TABLE"})) {
            while (rs.next()) {
                camundaTables.add(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
            }
        }
        List<String> taskIds = new ArrayList<>();
        for (String table : camundaTables.stream().sorted().toList()) {
            if (!(table.startsWith("ACT_RU_") || table.startsWith("ACT_HI_") || table.equals("ACT_GE_BYTEARRAY"))
                    || table.contains("CASE") || table.equals("ACT_RU_IDENTITYLINK") || table.equals("ACT_RU_AUTHORIZATION")) {
                continue;
            }
            List<String> columns = columns(connection, table);
            String key = columns.contains("PROC_INST_ID_") ? "PROC_INST_ID_"
                    : columns.contains("ROOT_PROC_INST_ID_") ? "ROOT_PROC_INST_ID_"
                    : columns.contains("PROCESS_INSTANCE_ID_") ? "PROCESS_INSTANCE_ID_" : null;
            if (key == null) {
                continue;
            }
            Rows rows = cloner.read(connection, table, table.startsWith("ACT_HI_"), "SELECT * FROM " + table + " WHERE "
                    + key + " = ?", processInstanceId, Set.of());
            if (table.equals("ACT_RU_TASK")) {
                rows.rows().forEach(row -> taskIds.add((String) row[rows.columns().indexOf("ID_")]));
            }
        }
        for (String taskId : taskIds) {
            cloner.read(connection, "ACT_RU_IDENTITYLINK", false, "SELECT * FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ = ?",
                    taskId, Set.of());
            cloner.read(connection, "ACT_RU_AUTHORIZATION", false,
                    "SELECT * FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ = ?", taskId, Set.of());
        }
        cloner.read(connection, "project", false, "SELECT * FROM project WHERE id = ?", projectId, Set.of());
        cloner.read(connection, "approval_record", true, "SELECT * FROM approval_record WHERE project_id = ?", projectId,
                Set.of("ID"));
        cloner.read(connection, "ledger_event", true, "SELECT * FROM ledger_event WHERE project_id = ?", projectId,
                Set.of("ID"));
        for (Rows rows : cloner.tables) {
            int id = rows.columns().indexOf("ID_");
            if (id >= 0) {
                rows.rows().forEach(row -> cloner.ids.add(String.valueOf(row[id])));
            }
            // the project's own process instances (approval, negotiation …) are unique per project
            for (int c = 0; c < rows.columns().size(); c++) {
                if (rows.columns().get(c).endsWith("PROCESS_INSTANCE_ID")) {
                    int process = c;
                    rows.rows().stream().filter(row -> row[process] != null)
                            .forEach(row -> cloner.ids.add(String.valueOf(row[process])));
                }
            }
        }
        return cloner;
    }

    private Rows read(Connection connection, String table, boolean history, String sql, Object key, Set<String> skipped)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, key);
            try (ResultSet rs = select.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    columns.add(meta.getColumnLabel(c).toUpperCase(Locale.ROOT));
                }
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
                Rows result = new Rows(table, history, columns, rows, skipped);
                if (!rows.isEmpty()) {
                    tables.add(result);
                }
                return result;
            }
        }
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            List<String> columns = new ArrayList<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                columns.add(rs.getMetaData().getColumnLabel(c).toUpperCase(Locale.ROOT));
            }
            return columns;
        }
    }

    /** Rows per copy (runtime, history). */
    int[] rowsPerCopy() {
        int runtime = 0;
        int history = 0;
        for (Rows rows : tables) {
            if (rows.history()) {
                history += rows.rows().size();
            } else {
                runtime += rows.rows().size();
            }
        }
        return new int[] {runtime, history};
    }

    /**
     * Writes {@code copies} copies, the i-th with id suffix {@code -tag<i>} and project number
     * {@code firstProjectId + i}; history rows only for the first {@code historyCopies}. Commits every few hundred
     * copies. Returns the number of rows written.
     */
    long write(Connection connection, String tag, int copies, int historyCopies, long firstProjectId, Tweak tweak)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long written = 0;
        int chunk = 250;
        try {
            for (int from = 0; from < copies; from += chunk) {
                int to = Math.min(copies, from + chunk);
                for (Rows rows : tables) {
                    if (rows.history() && from >= historyCopies) {
                        continue;
                    }
                    List<Integer> kept = new ArrayList<>();
                    for (int c = 0; c < rows.columns().size(); c++) {
                        if (!rows.skipped().contains(rows.columns().get(c))) {
                            kept.add(c);
                        }
                    }
                    String sql = "INSERT INTO " + rows.table() + " (" + String.join(", ", kept.stream()
                            .map(c -> rows.columns().get(c)).toList()) + ") VALUES ("
                            + String.join(", ", kept.stream().map(c -> "?").toList()) + ")";
                    try (PreparedStatement insert = connection.prepareStatement(sql)) {
                        for (int copy = from; copy < to; copy++) {
                            if (rows.history() && copy >= historyCopies) {
                                break;
                            }
                            String suffix = suffix(tag, copy);
                            long newProject = firstProjectId + copy;
                            for (Object[] template : rows.rows()) {
                                int p = 1;
                                for (int c : kept) {
                                    Object value = copyValue(rows, template, c, suffix, newProject);
                                    if (tweak != null) {
                                        value = tweak.apply(rows.table(), rows.columns().get(c), value, copy);
                                    }
                                    insert.setObject(p++, value);
                                }
                                insert.addBatch();
                                written++;
                            }
                        }
                        insert.executeBatch();
                    }
                }
                connection.commit();
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return written;
    }

    private Object copyValue(Rows rows, Object[] template, int column, String suffix, long newProject) {
        String name = rows.columns().get(column);
        Object value = template[column];
        if (value == null) {
            return null;
        }
        if (rows.table().equals("project") && name.equals("ID") || name.equals("PROJECT_ID")) {
            return newProject;
        }
        if (value instanceof String text) {
            if (ids.contains(text)) {
                return renamed(text, suffix);
            }
            if (name.equals("BUSINESS_KEY_") && text.equals(String.valueOf(projectId))) {
                return String.valueOf(newProject);
            }
            if (name.equals("TEXT_") && isProjectIdVariable(rows, template) && text.equals(String.valueOf(projectId))) {
                return String.valueOf(newProject);
            }
            if (name.equals("COMPANY_NAME")) {
                return text + "（" + suffix + "）";
            }
            return text;
        }
        if (name.equals("LONG_") && isProjectIdVariable(rows, template)) {
            return newProject;
        }
        if (name.equals("DOUBLE_") && value instanceof Number && isProjectIdVariable(rows, template)) {
            return (double) newProject;
        }
        if (value instanceof java.sql.Blob blob) {
            try {
                return blob.getBytes(1, (int) blob.length());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return value instanceof Timestamp ? value : value;
    }

    /**
     * A copy's mark: {@code z}, the one-letter tag of the batch, the copy's number in base 36 (five places). Camunda's
     * ids are UUIDs or numbers, so a mark starting with {@code z} cannot meet a real id; it replaces the end of a
     * UUID (the columns are 64 characters wide, and an activity instance id is already an activity id plus a UUID).
     */
    static String suffix(String tag, int copy) {
        if (tag.length() != 1) {
            throw new IllegalArgumentException("tag is one letter: " + tag);
        }
        String number = Integer.toString(copy, 36);
        return "z" + tag + "0".repeat(Math.max(0, 5 - number.length())) + number;
    }

    /** SQL LIKE pattern of every id of a batch. */
    static String likeBatch(String tag) {
        return "%z" + tag + "_____";
    }

    private static String renamed(String id, String suffix) {
        return id.length() >= 20 ? id.substring(0, id.length() - suffix.length()) + suffix : id + suffix;
    }

    private static boolean isProjectIdVariable(Rows rows, Object[] template) {
        int name = rows.columns().indexOf("NAME_");
        return name >= 0 && "projectId".equals(template[name]);
    }
}
