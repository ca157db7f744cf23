package cn.zhaoshang.support;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhaoshang.lead.Lead;
import cn.zhaoshang.lead.LeadLedger;
import cn.zhaoshang.lead.LeadReport;
import cn.zhaoshang.lead.LeadStatus;
import cn.zhaoshang.negotiation.NegotiationService;

/**
 * Base of the end-to-end tests: the whole app on a random port (H2 in memory, or MariaDB with -Pmysql),
 * the demo users, and a plain HTTP client that talks to it as a person's browser or a client system would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AppIT {

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** for downloads (minutes, exports) */
    protected static final HttpClient HTTP_BYTES = HTTP;

    @LocalServerPort
    protected int port;

    @Autowired
    protected TaskService taskService;
    @Autowired
    protected TransactionTemplate transactions;
    @Autowired
    protected LeadLedger leadLedger;
    @Autowired
    protected NegotiationService negotiations;

    protected Response get(String path, String user) {
        return send(request(path, user).GET().build());
    }

    protected Response post(String path, String user, Object body) {
        return postRaw(path, user, body == null ? "" : write(body), "application/json");
    }

    protected Response put(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)).build());
    }

    /** A multipart/form-data POST as a browser sends a file upload: text fields plus one file part. */
    protected Response postFile(String path, String user, Map<String, String> fields, String fileField, String fileName,
            byte[] content) {
        String boundary = "----zhaoshang" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (content != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(content);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(request(path, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    protected Response delete(String path, String user) {
        return send(request(path, user).DELETE().build());
    }

    protected Response postRaw(String path, String user, String body, String contentType) {
        return send(request(path, user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    protected HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        if (user != null) {
            builder.header("Authorization", basic(user, "demo"));
        }
        return builder;
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    protected Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A landing application as the form sends it; tests change single fields. */
    protected static Map<String, Object> application(String category, Object landAreaMu) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyName", "磐安测试企业有限公司");
        body.put("projectName", "测试项目");
        body.put("projectCategory", category);
        body.put("totalInvestmentWan", 12000);
        body.put("landRequired", landAreaMu != null);
        body.put("landAreaMu", landAreaMu);
        body.put("caseByCaseSupport", false);
        body.put("devZone", false);
        body.put("carrierUnit", "磐安工业园区");
        return body;
    }

    /**
     * A project in negotiation, as a VALID lead's transfer leaves it (lead row + project row + the real
     * Process_InspectionNegotiation waiting at 考察洽谈). The screening itself is tested end to end elsewhere.
     */
    protected long negotiatingProject(String companyName, String projectName) {
        return transactions.execute(status -> {
            Lead lead = leadLedger.report(new LeadReport(companyName, projectName, "MANUFACTURING", "INDUSTRIAL",
                    new BigDecimal("12000"), null, null, false, null, "group-chengdong", null, null, "陈经理",
                    "13857900001"), "reporter", null);
            leadLedger.changeStatus(lead.getId(), LeadStatus.VALID, "center", "测试：研判为有效线索");
            return negotiations.open(lead, "park-chengdong", "分管副县长 李明", "center").getId();
        });
    }

    /** Signs the joint review opinion for a new project in negotiation with this application (as {@code carrier}). */
    protected JsonNode submit(Map<String, Object> application) {
        Map<String, Object> body = new LinkedHashMap<>(application);
        body.putIfAbsent("projectId", negotiatingProject(String.valueOf(application.get("companyName")),
                String.valueOf(application.get("projectName"))));
        body.putIfAbsent("jointOpinion", "经考察洽谈，建议同意落地。");
        Response response = post("/api/landing-applications", "carrier", body);
        if (response.status() != 201) {
            throw new AssertionError("submit failed: " + response);
        }
        return response.json();
    }

    /** The single open task of a process instance (read without authorizations, as a test fixture). */
    protected Task openTask(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).active().singleResult();
    }

    protected Response decide(String user, String taskId, String decision, String opinion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("opinion", opinion);
        return post("/api/tasks/" + taskId + "/complete", user, body);
    }

    protected static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
