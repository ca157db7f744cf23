package cn.zhaoshang.bench;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What to run: {@code -Dbench.db=h2|mariadb}, {@code -Dbench.scale=tiny|full} (full = the sizes of issue 7), the
 * concurrency {@code -Dbench.threads} (simulated officials, HTTP clients and the W4 writers alike) and where the
 * figures go ({@code -Dbench.out}, default {@code target/bench}).
 */
record Options(boolean mysql, String scale, int threads, int lifecycleProjects, int meetingBatch, int taskListProjects,
        int taskListHistoryRows, int taskListQueries, int timers, int commitSeconds, int httpTasks, Path out) {

    static Options fromSystemProperties() {
        String db = System.getProperty("bench.db", "h2");
        String scale = System.getProperty("bench.scale", "tiny");
        boolean mysql = db.equals("mariadb") || db.equals("mysql");
        if (!mysql && !db.equals("h2")) {
            throw new IllegalArgumentException("bench.db must be h2 or mariadb, not " + db);
        }
        int threads = Integer.getInteger("bench.threads", 8);
        Path out = Paths.get(System.getProperty("bench.out", "target/bench"));
        return switch (scale) {
            case "tiny" -> new Options(mysql, scale, Math.min(threads, 4), 12, 6, 600, 20_000, 100, 150, 3, 60, out);
            case "full" -> new Options(mysql, scale, threads, Integer.getInteger("bench.projects", 300), 50,
                    Integer.getInteger("bench.taskListProjects", 100_000), 1_000_000, 1000,
                    Integer.getInteger("bench.timers", 10_000), 10, 2000, out);
            default -> throw new IllegalArgumentException("bench.scale must be tiny or full, not " + scale);
        };
    }

    /** {@code -Dbench.only=W1,W3} runs only these (cold start: {@code cold}): for working on one workload. */
    boolean runs(String workload) {
        String only = System.getProperty("bench.only", "");
        return only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(workload);
    }

    String db() {
        return mysql ? "mariadb" : "h2";
    }
}
