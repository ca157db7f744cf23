package cn.zhaoshang.support;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
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

    protected static final ObjectMapper JSON = AppClient.JSON;
    /** for downloads (minutes, exports) */
    protected static final HttpClient HTTP_BYTES = AppClient.HTTP;

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
    @Autowired
    protected IdentityService identityService;

    private AppClient client;

    /** A user (password "demo") in a group, created once: the app context and a MariaDB database outlive one test. */
    protected void ensureUser(String id, String name, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(name);
            user.setLastName("");
            user.setPassword("demo");
            identityService.saveUser(user);
            identityService.createMembership(id, group);
        }
    }

    /** A second county head, for the tests where two officials of one group act on the same task. */
    protected void ensureSecondCountyHead() {
        ensureUser("countyhead2", "县长（代）", "county-head");
    }

    /** The HTTP client for this app instance (its random port is known once the context is up). */
    protected AppClient http() {
        if (client == null) {
            client = new AppClient(port);
        }
        return client;
    }

    protected Response get(String path, String user) {
        return http().get(path, user);
    }

    protected Response post(String path, String user, Object body) {
        return http().post(path, user, body);
    }

    protected Response put(String path, String user, Object body) {
        return http().put(path, user, body);
    }

    protected Response postFile(String path, String user, Map<String, String> fields, String fileField, String fileName,
            byte[] content) {
        return http().postFile(path, user, fields, fileField, fileName, content);
    }

    protected Response delete(String path, String user) {
        return http().delete(path, user);
    }

    protected Response postRaw(String path, String user, String body, String contentType) {
        return http().postRaw(path, user, body, contentType);
    }

    protected HttpRequest.Builder request(String path, String user) {
        return http().request(path, user);
    }

    /** The text of a DOCX the app serves at {@code path} (a 200 with a Word content type), read with POI. */
    protected String docxText(String path, String user) throws Exception {
        java.net.http.HttpResponse<byte[]> response = HTTP_BYTES.send(request(path, user).header("Accept", "*/*").GET()
                .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(path).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .contains("wordprocessingml");
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(response.body()));
                var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            return text.getText();
        }
    }

    protected static String basic(String user, String password) {
        return AppClient.basic(user, password);
    }

    protected Response send(HttpRequest request) {
        return http().send(request);
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
        return negotiatingProject("group-chengdong", companyName, projectName);
    }

    /** The same, for a lead reported by {@code reportingUnit}. */
    protected long negotiatingProject(String reportingUnit, String companyName, String projectName) {
        return negotiatingProject(transactions, leadLedger, negotiations, reportingUnit, companyName, projectName);
    }

    public static long negotiatingProject(TransactionTemplate transactions, LeadLedger leadLedger,
            NegotiationService negotiations, String reportingUnit, String companyName, String projectName) {
        return transactions.execute(status -> {
            Lead lead = leadLedger.report(new LeadReport(companyName, projectName, "MANUFACTURING", "INDUSTRIAL",
                    new BigDecimal("12000"), null, null, false, null, reportingUnit, null, null, "陈经理",
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
        return AppClient.write(body);
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
