package cn.zhaoshang.system;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zhaoshang.ZhaoshangApplication;
import cn.zhaoshang.support.AppClient;
import cn.zhaoshang.support.AppIT.Response;
import cn.zhaoshang.support.LeadReports;
import cn.zhaoshang.support.MariaDb;
import cn.zhaoshang.support.TcpProxy;
import cn.zhaoshang.support.WorkbenchSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database restart while officials work: the app reaches MariaDB through a {@link TcpProxy} that the test cuts (every
 * connection reset, new ones refused) for {@link #OUTAGE} and then restores — the shared MariaDB server itself is never
 * touched. Meanwhile leads are reported through the API, Camunda's REST API is read and a workbench page is loaded, in
 * parallel and without pause. During the outage every request fails cleanly (503 "数据库暂不可用 / database unavailable",
 * JSON or a Chinese page, never a 500); afterwards the app serves again by itself, without a restart, the officials
 * still logged in (their sessions are in the database); and every lead is whole or absent, never half-written.
 *
 * <p>It starts the app itself on a database of its own, so it runs in the failsafe execution {@code cluster}.
 */
@EnabledIfSystemProperty(named = "test.db", matches = "mysql", disabledReason = MariaDb.SKIP_REASON)
class DatabaseOutageClusterIT {

    static final Duration OUTAGE = Duration.ofSeconds(8);
    /** how long after the restore the app must be serving again (the pool reconnects on its own) */
    static final Duration RECOVERY = Duration.ofSeconds(20);

    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void databaseRestartDuringLoad_failsCleanly_recoversByItself_andLeavesNothingHalfWritten() throws Exception {
        String database = MariaDb.fresh("outage");
        try (TcpProxy proxy = new TcpProxy(MariaDb.host(), MariaDb.port())) {
            app = new SpringApplicationBuilder(ZhaoshangApplication.class).run("--server.port=0",
                    "--spring.datasource.url=" + MariaDb.url("127.0.0.1", proxy.port(), database),
                    "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000");
            int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            AppClient http = new AppClient(port);
            WorkbenchSession bench = WorkbenchSession.login(port, "center");
            assertThat(http.post("/api/leads", "reporter", report("预热")).status()).isEqualTo(201);

            Load load = new Load(http, bench);
            load.start();
            Thread.sleep(3000);
            long cutAt = System.nanoTime();
            proxy.cut();
            load.phase.set("outage");
            Thread.sleep(OUTAGE.toMillis());
            int connectionsBefore = proxy.connections();
            proxy.restore();
            long restoredAt = System.nanoTime();
            load.phase.set("restored");
            long recoveredAt = load.awaitSuccessAfter(restoredAt, RECOVERY);
            Thread.sleep(3000);
            load.stop();

            System.out.printf("database outage of %d s: %s; first success %d ms after the restore, %d new connections%n",
                    OUTAGE.toSeconds(), load.summary(), (recoveredAt - restoredAt) / 1_000_000,
                    proxy.connections() - connectionsBefore);
            assertThat(load.unexpected).as("only 2xx, or 503 with the outage message").isEmpty();
            assertThat(load.count("outage", 503)).as("requests during the outage answered 503").isPositive();
            assertThat(load.count("restored", 201)).as("leads reported after the restore").isPositive();
            assertThat(load.count("before", 201)).isPositive();
            assertThat(recoveredAt - cutAt).isPositive();

            // the officials are still logged in: the session survived in the database
            HttpResponse<String> page = bench.get("/tasks");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(http.get("/api/leads/" + load.reported.iterator().next(), "center").status()).isEqualTo(200);

            assertWholeOrAbsent(database, load.reported);
        }
    }

    /** Every lead in the database is complete (its screening process, version 1, one REPORTED ledger event), every 201 is there. */
    private static void assertWholeOrAbsent(String database, Set<Long> reported) throws SQLException {
        try (Connection connection = MariaDb.connect(database); Statement sql = connection.createStatement()) {
            Map<Long, String> leads = new TreeMap<>();
            try (ResultSet rs = sql.executeQuery("SELECT id, process_instance_id FROM lead")) {
                while (rs.next()) {
                    leads.put(rs.getLong(1), rs.getString(2));
                }
            }
            assertThat(leads.keySet()).as("every lead answered 201 is stored").containsAll(reported);
            List<String> broken = new ArrayList<>();
            for (Map.Entry<Long, String> lead : leads.entrySet()) {
                long id = lead.getKey();
                if (lead.getValue() == null || count(sql, "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = '"
                        + lead.getValue() + "' AND BUSINESS_KEY_ = '" + id + "'") != 1) {
                    broken.add(id + ": no screening process");
                }
                if (count(sql, "SELECT COUNT(*) FROM lead_revision WHERE lead_id = " + id) != 1) {
                    broken.add(id + ": revisions");
                }
                if (count(sql, "SELECT COUNT(*) FROM ledger_event WHERE lead_id = " + id
                        + " AND event_type = 'REPORTED'") != 1) {
                    broken.add(id + ": REPORTED ledger events");
                }
            }
            long processes = count(sql, "SELECT COUNT(*) FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d "
                    + "ON e.PROC_DEF_ID_ = d.ID_ WHERE e.PARENT_ID_ IS NULL AND d.KEY_ = 'Process_LeadScreening'");
            assertThat(broken).as("half-written leads").isEmpty();
            assertThat(processes).as("screening processes without a lead").isEqualTo(leads.size());
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Object> report(String tag) {
        return LeadReports.of("磐安县断库测试" + tag + "有限公司", "断库测试项目" + tag);
    }

    /** Three officials working without pause: reporting leads (API), reading tasks (engine REST), a workbench page. */
    private static final class Load {

        /** before → outage → restored */
        final AtomicReference<String> phase = new AtomicReference<>("before");
        final Set<Long> reported = ConcurrentHashMap.newKeySet();
        final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        private final AtomicLong lastSuccess = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger sequence = new AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();
        private final AppClient http;
        private final WorkbenchSession bench;

        Load(AppClient http, WorkbenchSession bench) {
            this.http = http;
            this.bench = bench;
        }

        void start() {
            threads.add(new Thread(() -> loop(() -> {
                Response response = http.post("/api/leads", "reporter", report("#" + sequence.incrementAndGet()));
                if (response.status() == 201) {
                    reported.add(response.json().get("leadId").asLong());
                }
                return record("api", response.status(), response.body(), 201);
            })));
            threads.add(new Thread(() -> loop(() -> {
                Response response = http.get("/engine-rest/task?candidateGroup=investment-center&maxResults=50", "center");
                return record("engine-rest", response.status(), response.body(), 200);
            })));
            threads.add(new Thread(() -> loop(() -> {
                HttpResponse<String> response = bench.get("/tasks");
                return record("workbench", response.statusCode(), response.body(), 200);
            })));
            threads.forEach(Thread::start);
        }

        private void loop(BooleanSupplier request) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (running.get() && System.nanoTime() < deadline) {
                if (!request.getAsBoolean()) {
                    sleep(100);
                }
            }
        }

        private boolean record(String client, int status, String body, int success) {
            String phaseNow = phase.get();
            counts.computeIfAbsent(phaseNow + " " + status, k -> new AtomicInteger()).incrementAndGet();
            counts.computeIfAbsent(client + " " + status, k -> new AtomicInteger()).incrementAndGet();
            if (status == success) {
                lastSuccess.set(System.nanoTime());
                return true;
            }
            boolean clean = status == 503 && body.contains("数据库暂不可用") && (body.contains("DATABASE_UNAVAILABLE")
                    || body.contains("DatabaseUnavailable") || body.contains("<html"));
            if (!clean) {
                unexpected.add(client + " " + status + " during " + phaseNow + ": "
                        + body.substring(0, Math.min(300, body.length())));
            }
            return false;
        }

        int count(String phaseName, int status) {
            AtomicInteger count = counts.get(phaseName + " " + status);
            return count == null ? 0 : count.get();
        }

        long awaitSuccessAfter(long since, Duration within) throws InterruptedException {
            long deadline = since + within.toNanos();
            while (lastSuccess.get() <= since) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no request succeeded within " + within + " of the restore: " + summary());
                }
                Thread.sleep(50);
            }
            return lastSuccess.get();
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }

        String summary() {
            return new TreeMap<>(counts).toString();
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
