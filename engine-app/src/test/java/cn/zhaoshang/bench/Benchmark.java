package cn.zhaoshang.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark of issue 7 (docs/performance.md): W1–W5 and the cold start against the product as shipped and against
 * stock Camunda settings, in one run on one machine, printed as a table and written to {@code bench.json} and
 * {@code bench.svg}. Run it with {@code mvn -pl engine-app -Pbench verify -Dbench.db=mariadb -Dbench.scale=full}.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.fromSystemProperties();
        Files.createDirectories(options.out());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("startedAt", OffsetDateTime.now().toString());
        report.put("machine", machine());
        report.put("database", options.db());
        report.put("scale", options.scale());
        report.put("threads", options.threads());
        Map<String, Object> settings = new LinkedHashMap<>();
        report.put("settings", settings);
        // W2 and W3 alone (working on one of them) start without it: each of their rounds runs long enough to warm up
        boolean warm = !(options.runs("W1") || options.runs("W4") || options.runs("W5"));
        for (Setting setting : Setting.all(options.mysql())) {
            Map<String, Object> results = new LinkedHashMap<>();
            settings.put(setting.name(), results);
            results.put("properties", setting.properties());
            if (options.runs("cold")) {
                log("== " + setting.name() + ": cold start");
                results.put("coldStart", coldStart(options, setting));
            }
            try (BenchApp app = BenchApp.start(options, setting)) {
                results.put("database", databaseInfo(app));
                if (!warm) {
                    // the first setting would otherwise pay the JIT's warm-up in its figures and the second not
                    log("== warm-up (not measured): W1 once and 2 s of W4");
                    warmUp(app);
                    warm = true;
                }
                if (options.runs("W4")) {
                    log("== " + setting.name() + ": W4 database limit");
                    results.put("W4", DbCommits.run(app));
                }
                if (options.runs("W1")) {
                    log("== " + setting.name() + ": W1 lifecycle");
                    try (HeapSampler heap = new HeapSampler()) {
                        results.put("W1", new LifecycleLoad(app).run());
                        results.put("heapUnderW1", heap.figures());
                    }
                }
                if (options.runs("W5")) {
                    log("== " + setting.name() + ": W5 HTTP claim + complete");
                    results.put("W5", HttpClaims.run(app));
                }
                if (options.runs("W3")) {
                    log("== " + setting.name() + ": W3 reminders, one node");
                    results.put("W3_oneNode", ReminderStorm.run(app, "c", false));
                }
                if (options.mysql() && options.runs("W3")) {
                    log("== " + setting.name() + ": W3 reminders, two nodes");
                    results.put("W3_twoNodes", ReminderStorm.run(app, "d", true));
                }
                if (options.runs("W2")) {
                    log("== " + setting.name() + ": W2 task list (bulk load first)");
                    results.put("W2", TaskListLoad.run(app));
                }
            }
            Report.write(options, report);
        }
        report.put("finishedAt", OffsetDateTime.now().toString());
        Report.write(options, report);
        Report.print(report);
        // speed is reported, not judged (a loaded CI machine is no measurement); wrong results are failures
        System.exit(Report.correct(report) ? 0 : 2);
    }

    private static void warmUp(BenchApp app) throws Exception {
        DbCommits.run(app, 2);
        new LifecycleLoad(app).run(app.options.lifecycleProjects());
    }

    static void log(String line) {
        System.out.println("[bench " + OffsetDateTime.now().toLocalTime().withNano(0) + "] " + line);
    }

    private static Map<String, Object> coldStart(Options options, Setting setting) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        String database;
        if (options.mysql()) {
            database = "zhaoshang_bench_cold_" + setting.name();
            BenchApp.recreateDatabase(database);
        } else {
            Path dir = Paths.get("target", "bench", "h2-cold-" + setting.name());
            BenchApp.deleteTree(dir);
            database = dir.toString();
        }
        for (String start : new String[] {"emptyDatabaseSeconds", "existingDatabaseSeconds"}) {
            long began = System.nanoTime();
            try (NodeProcess node = NodeProcess.start("bench-cold-" + setting.name(), options, database,
                    setting.arguments())) {
                result.put(start, Stats.round(node.awaitReady(began, Duration.ofMinutes(3))));
                node.stop();
            }
        }
        // production's recommended start (docs/operations.md): the jar extracted, with a class-data-sharing archive
        // made by one training start (Spring Boot's CDS support)
        Path cds = options.out().resolve("cds-" + setting.name());
        BenchApp.deleteTree(cds);
        Process extract = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", cn.zhaoshang.support.AppNode.jar().toString(), "extract", "--destination",
                cds.resolve("app").toString()).inheritIO().start();
        if (extract.waitFor() != 0) {
            throw new IllegalStateException("jar extraction failed");
        }
        Path jar;
        try (var files = Files.list(cds.resolve("app"))) {
            jar = files.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        Path archive = cds.resolve("app.jsa");
        try (NodeProcess training = NodeProcess.start("bench-cds-training-" + setting.name(), options, database,
                setting.arguments(), List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                        "-jar", jar.toString()))) {
            training.awaitExit(Duration.ofMinutes(3));
        }
        long began = System.nanoTime();
        try (NodeProcess node = NodeProcess.start("bench-cold-cds-" + setting.name(), options, database,
                setting.arguments(), List.of("-XX:SharedArchiveFile=" + archive, "-jar", jar.toString()))) {
            result.put("existingDatabaseWithCdsSeconds", Stats.round(node.awaitReady(began, Duration.ofMinutes(3))));
            node.stop();
        }
        if (options.mysql()) {
            BenchApp.dropDatabase(database);
        }
        return result;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try {
            machine.put("cpuModel", Files.readAllLines(Paths.get("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("?"));
            machine.put("memTotal", Files.readAllLines(Paths.get("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
        } catch (Exception e) {
            machine.put("cpuModel", "?");
        }
        return machine;
    }

    private static Map<String, Object> databaseInfo(BenchApp app) throws Exception {
        Map<String, Object> info = new LinkedHashMap<>();
        try (var connection = app.dataSource().getConnection()) {
            var meta = connection.getMetaData();
            info.put("product", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
            info.put("driver", meta.getDriverName() + " " + meta.getDriverVersion());
            info.put("url", meta.getURL().replaceAll("password=[^&]*", "password=***"));
        }
        return info;
    }

    /** The heap in use, sampled every 200 ms while W1 runs, and after a full collection at its end (steady state). */
    static final class HeapSampler implements AutoCloseable {

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            System.gc();
            figures.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            figures.put("peakUsedMiB", peak.get() / (1024 * 1024));
            figures.put("usedAfterFullGcMiB", memory.getHeapMemoryUsage().getUsed() / (1024 * 1024));
            return figures;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
