package cn.zhaoshang.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MySQL/MariaDB's own statement counters ({@code SHOW GLOBAL STATUS}), read around a workload: how many statements of
 * each kind one unit of work (a task completion) costs the server. The profile of where W1's time goes.
 */
final class ServerStatus {

    private static final List<String> COUNTERS = List.of("Questions", "Com_select", "Com_insert", "Com_update",
            "Com_delete", "Com_commit", "Com_rollback", "Com_set_option", "Innodb_rows_inserted", "Innodb_rows_read",
            "Innodb_data_fsyncs");

    private ServerStatus() {
    }

    static Map<String, Long> read(BenchApp app) {
        Map<String, Long> values = new LinkedHashMap<>();
        if (!app.options.mysql()) {
            return values;
        }
        try (Connection connection = app.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS")) {
            while (rs.next()) {
                if (COUNTERS.contains(rs.getString(1))) {
                    values.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (Exception e) {
            values.clear();
        }
        return values;
    }

    /** (after − before) / units per counter; the server is shared, so other clients' statements count too. */
    static Map<String, Double> perUnit(Map<String, Long> before, Map<String, Long> after, long units) {
        Map<String, Double> perUnit = new LinkedHashMap<>();
        for (String counter : COUNTERS) {
            if (before.containsKey(counter) && after.containsKey(counter) && units > 0) {
                perUnit.put(counter, Stats.round((after.get(counter) - before.get(counter)) / (double) units));
            }
        }
        return perUnit;
    }
}
