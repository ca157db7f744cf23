package cn.zhaoshang.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * W4, the database's limit: single-row INSERT + COMMIT transactions, through the app's own connection pool, with as
 * many threads as the other workloads use. A task completion is one transaction too, so this is its ceiling.
 */
final class DbCommits {

    private DbCommits() {
    }

    static Map<String, Object> run(BenchApp app) throws Exception {
        return run(app, app.options.commitSeconds());
    }

    static Map<String, Object> run(BenchApp app, long seconds) throws Exception {
        DataSource dataSource = app.dataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_commit (id BIGINT NOT NULL AUTO_INCREMENT, "
                    + "payload VARCHAR(100) NOT NULL, created_at DATETIME(3) NOT NULL, PRIMARY KEY (id))");
        }
        Stats stats = new Stats();
        AtomicLong commits = new AtomicLong();
        int threads = app.options.threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long began = System.nanoTime();
                    try (Connection connection = dataSource.getConnection()) {
                        // a transaction as the pool hands it out: the product's pool is already out of autocommit
                        if (connection.getAutoCommit()) {
                            connection.setAutoCommit(false);
                        }
                        try (PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO bench_commit (payload, created_at) VALUES (?, CURRENT_TIMESTAMP(3))")) {
                            insert.setString(1, "招商 " + began);
                            insert.executeUpdate();
                        }
                        connection.commit();
                    }
                    stats.record("insert+commit", System.nanoTime() - began);
                    commits.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("threads", threads);
        result.put("seconds", Stats.round(elapsed));
        result.put("commits", commits.get());
        result.put("commitsPerSecond", Stats.round(commits.get() / elapsed));
        result.put("latency", stats.summary());
        return result;
    }
}
