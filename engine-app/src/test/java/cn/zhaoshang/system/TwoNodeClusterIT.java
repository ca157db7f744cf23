package cn.zhaoshang.system;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import cn.zhaoshang.lead.LeadScreening;
import cn.zhaoshang.support.AppClient;
import cn.zhaoshang.support.AppIT.Response;
import cn.zhaoshang.support.AppNode;
import cn.zhaoshang.support.MariaDb;
import cn.zhaoshang.support.Webapp;
import cn.zhaoshang.support.WorkbenchSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two identical nodes on one MariaDB database, as the product scales out (docs/operations.md): each is the packaged app
 * in a process of its own ({@link AppNode}), with its own job executor, nothing shared but the database. An official
 * logged in on node A continues on node B (workbench and Camunda webapps); due timers fire exactly once across both
 * nodes; and jobs locked by a node that is killed (kill -9) are run by the other once their lock has expired, once.
 *
 * <p>Node A acquires up to 30 jobs at a time and runs them on one thread, so that when it is killed it still holds
 * locks on jobs it has not run; node B takes one at a time; the lock time is 10 s on both nodes (production keeps
 * Camunda's 5 minutes).
 */
@EnabledIfSystemProperty(named = "test.db", matches = "mysql", disabledReason = MariaDb.SKIP_REASON)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    static final Duration START = Duration.ofMinutes(3);
    static final long LOCK_MILLIS = 10_000;
    static final List<String> DEPARTMENTS = List.of("drc", "env", "emergency", "nr", "carrier");

    private String database;
    private AppNode nodeA;
    private AppNode nodeB;
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private int leads;

    @BeforeAll
    void startTwoNodes() throws Exception {
        database = MariaDb.fresh("nodes");
        String[] both = {"--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
                "--camunda.bpm.job-execution.wait-time-in-millis=200"};
        // the first node creates the schema; the second starts on it (docs/operations.md: start one node first)
        nodeA = AppNode.start("node-a", database, concat(both, "--camunda.bpm.job-execution.max-wait=300",
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=30", "--camunda.bpm.job-execution.core-pool-size=1",
                "--camunda.bpm.job-execution.max-pool-size=1", "--camunda.bpm.job-execution.queue-capacity=1"))
                .awaitReady(START);
        // node B takes one job at a time on one thread: it cannot lock a whole storm before node A's first acquisition
        nodeB = AppNode.start("node-b", database, concat(both, "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=1", "--camunda.bpm.job-execution.core-pool-size=1",
                "--camunda.bpm.job-execution.max-pool-size=1", "--camunda.bpm.job-execution.queue-capacity=1"))
                .awaitReady(START);
    }

    @AfterAll
    void stopNodes() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    @Order(1)
    void aLoginOnNodeA_continuesOnNodeB_workbenchAndCamundaWebapps() throws Exception {
        WorkbenchSession onA = WorkbenchSession.login(nodeA.port(), "center");
        WorkbenchSession onB = onA.onPort(nodeB.port());
        HttpResponse<String> tasks = onB.get("/tasks");
        assertThat(tasks.statusCode()).as("node B knows the session of node A").isEqualTo(200);
        assertThat(tasks.body()).contains("退出");
        // a form posted on node B with the CSRF token node A issued
        HttpResponse<String> logout = onB.post("/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElse("")).contains("/login?logout");
        assertThat(onA.get("/tasks").headers().firstValue("Location").orElse(""))
                .as("logged out on B is logged out on A").contains("/login");

        Webapp tasklistOnA = new Webapp(nodeA.port(), "countyhead");
        Webapp tasklistOnB = tasklistOnA.onPort(nodeB.port());
        HttpResponse<String> user = tasklistOnB.get("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"countyhead\"");
        // a modifying call on node B with the XSRF token of node A's session
        HttpResponse<String> count = tasklistOnB.post(Webapp.ENGINE_API + "/task/count", Map.of());
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void dueTimers_fireExactlyOnce_acrossBothNodes() throws Exception {
        List<Long> leadIds = leadsInConsultation(6);
        makeConsultationTimersDue(leadIds);
        await(() -> reminded(leadIds) == leadIds.size() * DEPARTMENTS.size(), Duration.ofSeconds(60), "30 reminders");
        Thread.sleep(3000);

        assertThat(reminderEvents(leadIds)).as("reminders per lead").allSatisfy((lead, events) ->
                assertThat(events).as("lead %s", lead).isEqualTo(DEPARTMENTS.size()));
        assertThat(successfulRunsPerJob(leadIds)).as("successful runs per timer job").hasSize(30)
                .allSatisfy((job, runs) -> assertThat(runs).as(job).isEqualTo(1));
        System.out.println("timers fired by node: " + runsByNode(leadIds));
    }

    @Test
    @Order(3)
    void aJobLockedByADeadNode_waitsForItsLockToExpire_thenRunsOnceOnTheOther() throws Exception {
        List<Long> leadIds = leadsInConsultation(2);
        Instant lockedUntil = Instant.now().plusSeconds(8);
        try (Connection sql = MariaDb.connect(database); PreparedStatement lock = sql.prepareStatement(
                "UPDATE ACT_RU_JOB SET LOCK_OWNER_ = 'node-gone', LOCK_EXP_TIME_ = ?, DUEDATE_ = ? WHERE TYPE_ = 'timer' "
                        + "AND PROCESS_INSTANCE_ID_ IN (SELECT process_instance_id FROM lead WHERE id IN ("
                        + ids(leadIds) + "))")) {
            lock.setTimestamp(1, Timestamp.from(lockedUntil));
            lock.setTimestamp(2, Timestamp.from(Instant.now().minusSeconds(60)));
            assertThat(lock.executeUpdate()).isEqualTo(10);
        }
        Thread.sleep(4000);
        assertThat(reminded(leadIds)).as("nobody touches a job while its lock holds").isZero();
        await(() -> reminded(leadIds) == 10, Duration.ofSeconds(40), "the dead node's 10 jobs");
        Thread.sleep(2000);
        assertThat(reminderEvents(leadIds)).allSatisfy((lead, events) -> assertThat(events).isEqualTo(5));
        for (Instant ranAt : successTimes(leadIds).values()) {
            assertThat(ranAt).as("run after the lock expired").isAfterOrEqualTo(lockedUntil.minusMillis(1000));
        }
    }

    @Test
    @Order(4)
    void nodeAKilledWhileHoldingJobs_nodeBRunsThemAfterTheirLockExpires_eachOnce() throws Exception {
        List<Long> leadIds = leadsInConsultation(6);
        Map<String, Instant> heldByA;
        // the leads' opinion rows held by this test: a reminder (6 ms) waits for them, so node A is killed while it
        // still holds the jobs it acquired, however fast it would otherwise run them
        try (Connection blocker = MariaDb.connect(database)) {
            blocker.setAutoCommit(false);
            try (PreparedStatement hold = blocker.prepareStatement("SELECT id FROM consultation_opinion WHERE lead_id IN ("
                    + ids(leadIds) + ") FOR UPDATE")) {
                hold.executeQuery().close();
            }
            makeConsultationTimersDue(leadIds);
            await(() -> lockedBy("node-a", leadIds) >= 3, Duration.ofSeconds(30), "node A to lock jobs");
            nodeA.kill();
            heldByA = locksOf("node-a", leadIds);
            blocker.rollback();
        }
        System.out.println("node A killed holding " + heldByA.size() + " job locks");
        assertThat(heldByA).isNotEmpty();

        await(() -> reminded(leadIds) == 30, Duration.ofMillis(LOCK_MILLIS + 40_000), "all 30 reminders");
        Thread.sleep(3000);
        assertThat(reminderEvents(leadIds)).allSatisfy((lead, events) -> assertThat(events).as("lead %s", lead)
                .isEqualTo(5));
        Map<String, Integer> runs = successfulRunsPerJob(leadIds);
        assertThat(runs).hasSize(30).allSatisfy((job, count) -> assertThat(count).as(job).isEqualTo(1));
        Map<String, String> ranOn = ranOn(leadIds);
        Map<String, Instant> ranAt = successTimes(leadIds);
        heldByA.forEach((job, expiry) -> {
            assertThat(ranOn.get(job)).as("job %s locked by the killed node", job).isEqualTo("node-b");
            assertThat(ranAt.get(job)).as("job %s ran after its lock expired", job)
                    .isAfterOrEqualTo(expiry.minusMillis(1000));
        });
        System.out.println("after the kill, timers fired by node: " + runsByNode(leadIds));
    }

    // ------------------------------------------------------------------ leads through the real API, on both nodes

    /** {@code count} leads reported and checked complete, each now in written consultation with 5 departments. */
    private List<Long> leadsInConsultation(int count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AppClient http = (leads++ % 2 == 0 ? nodeA : nodeB).client();
            Response reported = http.post("/api/leads", "reporter", report("双节点" + run + "号" + leads));
            assertThat(reported.status()).as(reported.body()).isEqualTo(201);
            long leadId = reported.json().get("leadId").asLong();
            String task = taskOf(reported.json().get("processInstanceId").asText(),
                    LeadScreening.Step.CHECK_COMPLETENESS);
            Response checked = http.post("/api/tasks/" + task + "/complete", "center",
                    Map.of("decision", "COMPLETE", "opinion", "资料齐全"));
            assertThat(checked.status()).as(checked.body()).isEqualTo(204);
            ids.add(leadId);
        }
        return ids;
    }

    private void makeConsultationTimersDue(List<Long> leadIds) throws SQLException {
        try (Connection sql = MariaDb.connect(database); PreparedStatement due = sql.prepareStatement(
                "UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE TYPE_ = 'timer' AND PROCESS_INSTANCE_ID_ IN ("
                        + "SELECT process_instance_id FROM lead WHERE id IN (" + ids(leadIds) + "))")) {
            due.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(60)));
            assertThat(due.executeUpdate()).isEqualTo(leadIds.size() * DEPARTMENTS.size());
        }
    }

    private String taskOf(String processInstanceId, String step) throws SQLException {
        try (Connection sql = MariaDb.connect(database); PreparedStatement query = sql.prepareStatement(
                "SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ? AND TASK_DEF_KEY_ = ?")) {
            query.setString(1, processInstanceId);
            query.setString(2, step);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as("task %s of %s", step, processInstanceId).isTrue();
                return rs.getString(1);
            }
        }
    }

    // ------------------------------------------------------------------ what the database says happened

    private long reminded(List<Long> leadIds) {
        return single("SELECT COUNT(*) FROM consultation_opinion WHERE reminded_at IS NOT NULL AND lead_id IN ("
                + ids(leadIds) + ")");
    }

    private long lockedBy(String owner, List<Long> leadIds) {
        return single("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ = '" + owner + "' AND PROCESS_INSTANCE_ID_ IN ("
                + "SELECT process_instance_id FROM lead WHERE id IN (" + ids(leadIds) + "))");
    }

    private Map<String, Instant> locksOf(String owner, List<Long> leadIds) throws SQLException {
        Map<String, Instant> locks = new TreeMap<>();
        query("SELECT ID_, LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = '" + owner + "' AND PROCESS_INSTANCE_ID_ IN ("
                + "SELECT process_instance_id FROM lead WHERE id IN (" + ids(leadIds) + "))",
                rs -> locks.put(rs.getString(1), rs.getTimestamp(2).toInstant()));
        return locks;
    }

    /** CONSULTATION_REMINDED ledger events per lead (the reminder's visible effect, written in the job's transaction). */
    private Map<Long, Integer> reminderEvents(List<Long> leadIds) throws SQLException {
        Map<Long, Integer> events = new TreeMap<>();
        leadIds.forEach(id -> events.put(id, 0));
        query("SELECT lead_id, COUNT(*) FROM ledger_event WHERE event_type = 'CONSULTATION_REMINDED' AND lead_id IN ("
                + ids(leadIds) + ") GROUP BY lead_id", rs -> events.put(rs.getLong(1), rs.getInt(2)));
        return events;
    }

    /** The engine's job log: successful runs per timer job of these leads (history level full). */
    private Map<String, Integer> successfulRunsPerJob(List<Long> leadIds) throws SQLException {
        Map<String, Integer> runs = new TreeMap<>();
        query("SELECT JOB_ID_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND JOB_DEF_TYPE_ LIKE 'timer%' "
                + "AND PROCESS_INSTANCE_ID_ IN (" + processes(leadIds) + ") GROUP BY JOB_ID_",
                rs -> runs.put(rs.getString(1), rs.getInt(2)));
        return runs;
    }

    private Map<String, String> ranOn(List<Long> leadIds) throws SQLException {
        Map<String, String> nodes = new TreeMap<>();
        query("SELECT JOB_ID_, HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND PROCESS_INSTANCE_ID_ IN ("
                + processes(leadIds) + ")", rs -> nodes.put(rs.getString(1), rs.getString(2)));
        return nodes;
    }

    private Map<String, Instant> successTimes(List<Long> leadIds) throws SQLException {
        Map<String, Instant> times = new TreeMap<>();
        query("SELECT JOB_ID_, TIMESTAMP_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND PROCESS_INSTANCE_ID_ IN ("
                + processes(leadIds) + ")", rs -> times.put(rs.getString(1), rs.getTimestamp(2).toInstant()));
        return times;
    }

    private Map<String, Integer> runsByNode(List<Long> leadIds) throws SQLException {
        Map<String, Integer> byNode = new TreeMap<>();
        ranOn(leadIds).values().forEach(node -> byNode.merge(node, 1, Integer::sum));
        return byNode;
    }

    private static String processes(List<Long> leadIds) {
        return "SELECT process_instance_id FROM lead WHERE id IN (" + ids(leadIds) + ")";
    }

    private static String ids(List<Long> leadIds) {
        return String.join(",", leadIds.stream().map(String::valueOf).toList());
    }

    private long single(String query) {
        try (Connection sql = MariaDb.connect(database); PreparedStatement statement = sql.prepareStatement(query);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String query, Row row) throws SQLException {
        try (Connection sql = MariaDb.connect(database); PreparedStatement statement = sql.prepareStatement(query);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }

    private static void await(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + within + " for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static Map<String, Object> report(String tag) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyName", "磐安县" + tag + "测试有限公司");
        body.put("projectName", tag + "测试项目");
        body.put("industry", "CULTURE_TOURISM");
        body.put("projectCategory", "SERVICE");
        body.put("totalInvestmentWan", 8000);
        body.put("landRequired", true);
        body.put("landAreaMu", 15);
        body.put("reportingUnit", "group-chengdong");
        body.put("contactName", "陈经理");
        body.put("contactPhone", "13857900001");
        return body;
    }
}
