package cn.zhaoshang.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import cn.zhaoshang.approval.LandingApproval;
import cn.zhaoshang.support.AppClient;

/**
 * W5, HTTP: {@code httpTasks} landing approvals waiting for the county head's consent; {@code threads} clients claim
 * and complete them (同意) through the domain REST API ({@code POST /api/tasks/{id}/claim}, {@code /complete}, HTTP
 * Basic as a client system sends it), each task taken by one client. Figures: claim+complete pairs per second and
 * their latency.
 */
final class HttpClaims {

    private HttpClaims() {
    }

    static Map<String, Object> run(BenchApp app) throws Exception {
        Templates templates = new Templates(app);
        int count = app.options.httpTasks();
        List<String> processes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            processes.add(templates.atConsent("基准并发认领" + i + "号有限公司").processInstanceId());
        }
        TaskService taskService = app.bean(TaskService.class);
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
        for (String process : processes) {
            Task task = taskService.createTaskQuery().processInstanceId(process)
                    .taskDefinitionKey(LandingApproval.Step.CONSENT_BY_COUNTY_HEAD).singleResult();
            queue.add(task.getId());
        }
        AppClient client = app.client();
        Stats stats = new Stats();
        AtomicLong done = new AtomicLong();
        int clients = app.options.threads();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (String taskId = queue.poll(); taskId != null; taskId = queue.poll()) {
                    String id = taskId;
                    long began = System.nanoTime();
                    LifecycleLoad.ok(stats.time("claim", () -> client.post("/api/tasks/" + id + "/claim", "countyhead",
                            null)), 204);
                    LifecycleLoad.ok(stats.time("complete", () -> client.post("/api/tasks/" + id + "/complete",
                            "countyhead", Map.of("decision", "APPROVE", "opinion", "同意"))), 204);
                    stats.record("claim+complete", System.nanoTime() - began);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", clients);
        result.put("tasks", done.get());
        result.put("seconds", Stats.round(seconds));
        result.put("claimCompletePerSecond", Stats.round(done.get() / seconds));
        result.put("latency", stats.summary());
        return result;
    }
}
