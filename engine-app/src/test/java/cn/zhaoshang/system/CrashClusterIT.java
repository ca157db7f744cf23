package cn.zhaoshang.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.support.AppClient;
import cn.zhaoshang.support.AppNode;
import cn.zhaoshang.support.LeadReports;
import cn.zhaoshang.support.MariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash test: two nodes of the packaged app on one MariaDB database under load — officials reporting leads, the
 * investment center checking them, five departments answering the written consultation, and consultation timers
 * falling due — while one node after the other is killed with SIGKILL (kill -9) in the middle of it and started again.
 * The clients behave like browsers behind a load balancer: a refused connection goes to the other node; a request cut
 * off by the kill has an unknown outcome, so the client looks whether it happened before trying again. Afterwards:
 * <ul>
 * <li>every lead is at a state the model reaches (reported → in consultation → awaiting the meeting) and its process
 * waits at the matching step;</li>
 * <li>no ledger transition is lost or doubled: one REPORTED, at most one change into each status, one
 * CONSULTATION_ANSWERED per answer and one CONSULTATION_REMINDED per reminder;</li>
 * <li>every timer made due has fired exactly once (the engine's job log), or was cancelled with its task when the
 * department answered first; no incident.</li>
 * </ul>
 * Size: {@code -Dcrash.rounds} kills (default 2, as CI runs it) and {@code -Dcrash.workers} parallel lead flows
 * (default 2); {@code bench/crash-cluster.sh} runs it bigger. The figures go to target/crash-figures.txt and to
 * docs/reliability.md.
 */
@EnabledIfSystemProperty(named = "test.db", matches = "mysql", disabledReason = MariaDb.SKIP_REASON)
class CrashClusterIT {

    static final int ROUNDS = Integer.getInteger("crash.rounds", 2);
    static final int WORKERS = Integer.getInteger("crash.workers", 2);
    static final Duration START = Duration.ofMinutes(3);
    static final long LOCK_MILLIS = 10_000;
    static final List<String> DEPARTMENTS = List.of("drc", "env", "emergency", "nr", "carrier");
    static final ObjectMapper JSON = new ObjectMapper();

    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final Random random = new Random();
    private final AppNode[] nodes = new AppNode[2];
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, AtomicInteger> figures = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    /** (lead, department) answers the app confirmed with 204: must all be in the database */
    private final Set<String> confirmedAnswers = ConcurrentHashMap.newKeySet();
    /** timer jobs the test made due, with the time it did */
    private final Map<String, Instant> madeDue = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String database;

    @AfterEach
    void stopNodes() {
        running.set(false);
        for (AppNode node : nodes) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void killNineRepeatedly_duringCompletionsAndTimers_nothingLostNothingDoubled() throws Exception {
        database = MariaDb.fresh("crash");
        nodes[0] = start("node-1");
        nodes[1] = start("node-2");

        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            load.add(new Thread(this::leadFlows, "crash-worker-" + i));
        }
        load.add(new Thread(this::timersFallingDue, "crash-timers"));
        load.forEach(Thread::start);

        long began = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            Thread.sleep(4000 + random.nextInt(6000));
            int victim = round % 2;
            nodes[victim].kill();
            count("kills");
            // the other node carries the load while this one comes back
            nodes[victim] = start(nodes[victim].name());
        }
        Thread.sleep(5000);
        running.set(false);
        for (Thread thread : load) {
            thread.join(60_000);
        }
        long loadSeconds = (System.nanoTime() - began) / 1_000_000_000;

        // the jobs a killed node held are taken over once their lock expires
        awaitDueTimersDone(Duration.ofMillis(LOCK_MILLIS + 60_000));
        Thread.sleep(2000);

        Map<String, Integer> checked = checkInvariants();
        checked.put("interrupted leads continued to the meeting", continueInterruptedLeads());
        String summary = "crash test: " + ROUNDS + " kill -9 in " + loadSeconds + " s of load, " + WORKERS
                + " lead flows; client side " + new TreeMap<>(figures) + "; database " + checked;
        System.out.println(summary);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "crash-figures.txt"), summary + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        assertThat(problems).as("invariants").isEmpty();
        assertThat(figures.getOrDefault("kills", new AtomicInteger()).get()).isEqualTo(ROUNDS);
        assertThat(checked.get("leads")).isPositive();
    }

    private AppNode start(String name) {
        return AppNode.start(name, database, "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000")
                .awaitReady(START);
    }

    // ------------------------------------------------------------------ the officials' work, through a "load balancer"

    private void leadFlows() {
        while (running.get()) {
            try {
                leadFlow();
            } catch (Exception e) {
                problems.add("worker: " + e);
            }
        }
    }

    /** One lead: reported, checked complete, answered by the five departments in a random order. */
    private void leadFlow() throws Exception {
        String company = "磐安县崩溃测试" + run + "号" + count("leads started") + "有限公司";
        Optional<Long> lead = reportOnce(company);
        if (lead.isEmpty()) {
            return;
        }
        String process = single("SELECT process_instance_id FROM lead WHERE id = ?", lead.get());
        completeOnce(process, LeadScreening.Step.CHECK_COMPLETENESS, null, "center",
                Map.of("decision", "COMPLETE", "opinion", "资料齐全"));
        List<String> departments = new ArrayList<>(DEPARTMENTS);
        Collections.shuffle(departments, random);
        for (String department : departments) {
            if (!running.get()) {
                return;
            }
            if (completeOnce(process, LeadScreening.Step.ANSWER_CONSULTATION, group(department), department,
                    Map.of("answer", "AGREE", "opinion", "同意。"))) {
                confirmedAnswers.add(lead.get() + " " + group(department));
            }
        }
    }

    /** the demo user's department group (the 落户载体 answers as its own group) */
    private static String group(String user) {
        return "carrier".equals(user) ? "carrier" : "dept-" + user;
    }

    /** Reports the lead; after a cut-off request, looks whether it was stored before reporting again. */
    private Optional<Long> reportOnce(String company) throws Exception {
        for (int attempt = 0; attempt < 20 && running.get(); attempt++) {
            Outcome outcome = send("POST", "/api/leads", "reporter", report(company));
            if (outcome.status == 201) {
                count("reported");
                return Optional.of(JSON.readTree(outcome.body).get("leadId").asLong());
            }
            if (outcome.status != 503 && outcome.status != -1) {
                problems.add("report answered " + outcome.status + ": " + outcome.body);
                return Optional.empty();
            }
            Thread.sleep(500);
            String id = single("SELECT id FROM lead WHERE company_name = ?", company);
            if (id != null) {
                count("reported (found after a cut-off request)");
                return Optional.of(Long.parseLong(id));
            }
        }
        return Optional.empty();
    }

    /** Completes the open task of {@code step} (of the candidate group, if given); true once the app confirmed it. */
    private boolean completeOnce(String process, String step, String group, String user, Map<String, Object> body)
            throws Exception {
        for (int attempt = 0; attempt < 20 && running.get(); attempt++) {
            String task = group == null
                    ? single("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ? AND TASK_DEF_KEY_ = ?", process, step)
                    : single("SELECT t.ID_ FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK i ON i.TASK_ID_ = t.ID_ "
                            + "WHERE t.PROC_INST_ID_ = ? AND t.TASK_DEF_KEY_ = ? AND i.GROUP_ID_ = ?", process, step, group);
            if (task == null) {
                // done by a request whose answer was cut off
                return false;
            }
            Outcome outcome = send("POST", "/api/tasks/" + task + "/complete", user, body);
            if (outcome.status == 204) {
                count("completions confirmed");
                return true;
            }
            if (outcome.status == 404 || outcome.status == 409) {
                // gone meanwhile, or changed at the same moment (e.g. by its reminder): look again, as a person reloads
                count("completions answered " + outcome.status + " (looked again)");
                Thread.sleep(200);
                continue;
            }
            if (outcome.status != 503 && outcome.status != -1) {
                problems.add("completing " + step + " answered " + outcome.status + ": " + outcome.body);
                return false;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private record Outcome(int status, String body) {
    }

    /**
     * Like a load balancer: a random live node; a refused connection is retried on the other node at once (the request
     * never arrived); a connection cut while the request was on its way is status -1, its outcome unknown.
     */
    private Outcome send(String method, String path, String user, Object body) throws InterruptedException {
        for (int attempt = 0; attempt < 40; attempt++) {
            AppNode node = nodes[random.nextInt(2)];
            HttpRequest request = new AppClient(node.port()).request(path, user).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(AppClient.write(body), StandardCharsets.UTF_8))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                count("http " + response.statusCode());
                return new Outcome(response.statusCode(), response.body());
            } catch (ConnectException refused) {
                count("connections refused (retried on the other node)");
                Thread.sleep(200);
            } catch (IOException cut) {
                count("requests cut off by a kill (outcome looked up)");
                return new Outcome(-1, cut.toString());
            }
        }
        return new Outcome(-1, "no node reachable");
    }

    /** Every 1.5 s up to five consultation timers fall due (their due date moved to the past, as time passing would). */
    private void timersFallingDue() {
        while (running.get()) {
            try (Connection sql = MariaDb.connect(database)) {
                List<String> jobs = new ArrayList<>();
                try (PreparedStatement query = sql.prepareStatement("SELECT j.ID_ FROM ACT_RU_JOB j JOIN lead l ON "
                        + "l.process_instance_id = j.PROCESS_INSTANCE_ID_ WHERE j.TYPE_ = 'timer' AND j.DUEDATE_ > ? "
                        + "ORDER BY RAND() LIMIT 5")) {
                    query.setTimestamp(1, Timestamp.from(Instant.now()));
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            jobs.add(rs.getString(1));
                        }
                    }
                }
                for (String job : jobs) {
                    try (PreparedStatement due = sql.prepareStatement("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ = ?")) {
                        Instant now = Instant.now();
                        due.setTimestamp(1, Timestamp.from(now.minusSeconds(60)));
                        due.setString(2, job);
                        if (due.executeUpdate() == 1) {
                            madeDue.put(job, now);
                            count("timers made due");
                        }
                    }
                }
                Thread.sleep(1500);
            } catch (SQLException e) {
                problems.add("timers: " + e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void awaitDueTimersDone(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (pendingDueJobs().isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        problems.add("timers made due but not fired within " + within + ": " + pendingDueJobs());
    }

    private List<String> pendingDueJobs() throws SQLException {
        List<String> pending = new ArrayList<>();
        for (String job : madeDue.keySet()) {
            if (single("SELECT ID_ FROM ACT_RU_JOB WHERE ID_ = ?", job) != null) {
                pending.add(job);
            }
        }
        return pending;
    }

    // ------------------------------------------------------------------ the invariants, in the database

    private Map<String, Integer> checkInvariants() throws SQLException {
        Map<String, Integer> figuresInDb = new TreeMap<>();
        try (Connection sql = MariaDb.connect(database)) {
            List<Map<String, Object>> leads = rows(sql, "SELECT id, status, process_instance_id FROM lead ORDER BY id");
            figuresInDb.put("leads", leads.size());
            for (Map<String, Object> lead : leads) {
                long id = ((Number) lead.get("id")).longValue();
                String status = (String) lead.get("status");
                String process = (String) lead.get("process_instance_id");
                figuresInDb.merge("leads " + status, 1, Integer::sum);
                Map<String, Integer> events = new TreeMap<>();
                for (Map<String, Object> event : rows(sql, "SELECT event_type, to_status FROM ledger_event WHERE lead_id = "
                        + id)) {
                    String key = event.get("event_type") + (event.get("to_status") == null ? "" : "→" + event.get("to_status"));
                    events.merge(key, 1, Integer::sum);
                    figuresInDb.merge("ledger events", 1, Integer::sum);
                }
                int answered = count(sql, "SELECT COUNT(*) FROM consultation_opinion WHERE lead_id = " + id
                        + " AND answer IS NOT NULL");
                int requested = count(sql, "SELECT COUNT(*) FROM consultation_opinion WHERE lead_id = " + id);
                int reminded = count(sql, "SELECT COUNT(*) FROM consultation_opinion WHERE lead_id = " + id
                        + " AND reminded_at IS NOT NULL");
                int openChecks = openTasks(sql, process, LeadScreening.Step.CHECK_COMPLETENESS);
                int openAnswers = openTasks(sql, process, LeadScreening.Step.ANSWER_CONSULTATION);
                int waitingForMeeting = count(sql, "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = '" + process
                        + "' AND ACT_ID_ = 'Event_MeetingDecision'");
                expect(id, "one REPORTED", events.getOrDefault("REPORTED→REPORTED", 0) == 1);
                // each transition once; answers and reminders once per department (counted below)
                events.forEach((type, n) -> expect(id, type + " recorded once, not " + n,
                        type.startsWith("CONSULTATION_") || n == 1));
                expect(id, "an answer per answered department", events.getOrDefault("CONSULTATION_ANSWERED", 0) == answered);
                expect(id, "a reminder event per reminded department",
                        events.getOrDefault("CONSULTATION_REMINDED", 0) == reminded);
                switch (status) {
                    case "REPORTED" -> expect(id, "REPORTED waits at the completeness check",
                            openChecks == 1 && requested == 0 && openAnswers == 0);
                    case "IN_CONSULTATION" -> expect(id, "IN_CONSULTATION waits for the departments not yet answered",
                            openChecks == 0 && requested == 5 && openAnswers == requested - answered && openAnswers > 0
                                    && events.getOrDefault("STATUS_CHANGED→IN_CONSULTATION", 0) == 1);
                    case "AWAITING_MEETING" -> expect(id, "AWAITING_MEETING has all five answers and waits for a meeting",
                            answered == 5 && openAnswers == 0 && waitingForMeeting == 1
                                    && events.getOrDefault("STATUS_CHANGED→AWAITING_MEETING", 0) == 1);
                    default -> problems.add("lead " + id + " in a state this load cannot reach: " + status);
                }
                figuresInDb.merge("answers", answered, Integer::sum);
                figuresInDb.merge("reminders", reminded, Integer::sum);
            }
            for (String answer : confirmedAnswers) {
                String[] leadAndGroup = answer.split(" ");
                expect(Long.parseLong(leadAndGroup[0]), "the confirmed answer of " + leadAndGroup[1] + " is stored",
                        count(sql, "SELECT COUNT(*) FROM consultation_opinion WHERE lead_id = " + leadAndGroup[0]
                                + " AND department_group = '" + leadAndGroup[1] + "' AND answer IS NOT NULL") == 1);
            }
            int fired = 0;
            int cancelled = 0;
            for (String job : madeDue.keySet()) {
                int successes = count(sql, "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_ID_ = '" + job
                        + "' AND JOB_STATE_ = 2");
                int deletions = count(sql, "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_ID_ = '" + job
                        + "' AND JOB_STATE_ = 3");
                if (successes == 1) {
                    fired++;
                } else if (successes == 0 && deletions == 1) {
                    cancelled++; // its department answered first: the boundary timer went with the task
                } else {
                    problems.add("timer job " + job + ": " + successes + " runs, " + deletions + " deletions");
                }
            }
            figuresInDb.put("timers made due", madeDue.size());
            figuresInDb.put("timers fired once", fired);
            figuresInDb.put("timers cancelled by the answer", cancelled);
            figuresInDb.put("timer runs failed and retried", count(sql,
                    "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1"));
            int incidents = count(sql, "SELECT COUNT(*) FROM ACT_RU_INCIDENT");
            figuresInDb.put("incidents", incidents);
            if (incidents > 0) {
                problems.add(incidents + " incidents: " + rows(sql, "SELECT INCIDENT_MSG_ FROM ACT_RU_INCIDENT"));
            }
        }
        return figuresInDb;
    }

    /** Every lead the load left in consultation can be taken on by the departments and reaches the meeting. */
    private int continueInterruptedLeads() throws Exception {
        running.set(true);
        int continued = 0;
        try (Connection sql = MariaDb.connect(database)) {
            for (Map<String, Object> lead : rows(sql, "SELECT id, process_instance_id FROM lead WHERE status = "
                    + "'IN_CONSULTATION'")) {
                for (String department : DEPARTMENTS) {
                    completeOnce((String) lead.get("process_instance_id"), LeadScreening.Step.ANSWER_CONSULTATION,
                            group(department), department, Map.of("answer", "AGREE", "opinion", "同意（恢复后）。"));
                }
                String status = single("SELECT status FROM lead WHERE id = ?", lead.get("id"));
                expect(((Number) lead.get("id")).longValue(), "continued to AWAITING_MEETING, not " + status,
                        "AWAITING_MEETING".equals(status));
                continued++;
            }
        } finally {
            running.set(false);
        }
        return continued;
    }

    private void expect(long lead, String what, boolean holds) {
        if (!holds) {
            problems.add("lead " + lead + ": " + what);
        }
    }

    private static int openTasks(Connection sql, String process, String step) throws SQLException {
        return count(sql, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE PROC_INST_ID_ = '" + process + "' AND TASK_DEF_KEY_ = '"
                + step + "'");
    }

    // ------------------------------------------------------------------ plumbing

    private int count(String figure) {
        return figures.computeIfAbsent(figure, k -> new AtomicInteger()).incrementAndGet();
    }

    private static int count(Connection sql, String query) throws SQLException {
        try (PreparedStatement statement = sql.prepareStatement(query); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String single(String query, Object... parameters) throws SQLException {
        try (Connection sql = MariaDb.connect(database); PreparedStatement statement = sql.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static List<Map<String, Object>> rows(Connection sql, String query) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement statement = sql.prepareStatement(query); ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Object> report(String company) {
        return LeadReports.of(company, company.replace("有限公司", "项目"));
    }
}
