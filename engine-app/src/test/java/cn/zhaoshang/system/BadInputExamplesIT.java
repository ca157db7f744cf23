package cn.zhaoshang.system;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhaoshang.support.AppIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One example of each kind of bad input that once got a 500 or slipped through, found by {@link BadInputIT}: each is
 * answered with a 4xx and a JSON {@link ApiError} in Chinese and English, and nothing is stored.
 */
class BadInputExamplesIT extends AppIT {

    @Autowired
    JdbcTemplate jdbc;

    private Response raw(String method, String path, String user, String contentType, byte[] body) {
        return send(request(path, user).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static void assertClearJson(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/json");
        String message = response.json().path("message").asText();
        assertThat(message).matches("(?s).*[\\u4e00-\\u9fff].*").matches("(?s).*[A-Za-z]{3,}.*");
        assertThat(response.body()).doesNotContain("Exception", "\tat ", ".java:");
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /** A multipart body without its parts, or a file name with a NUL byte: 400, not a 500 before any handler. */
    @Test
    void aBrokenUploadIsA400() {
        long drafts = count("agreement_draft");
        assertClearJson(raw("POST", "/api/projects/1/agreement/drafts", "deputy", "multipart/form-data; boundary=x",
                "--x\r\n\r\n".getBytes(StandardCharsets.UTF_8)), 400);
        assertClearJson(postFile("/api/projects/1/agreement/drafts", "deputy", Map.of(), "file", "协议.docx\u0000.exe",
                "x".getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(count("agreement_draft")).isEqualTo(drafts);
    }

    /** Paths the firewall (a ";" or an encoded "%") or Tomcat itself (an encoded "/" or NUL) rejects: JSON too. */
    @Test
    void aPathRejectedBeforeAnyControllerIsAnsweredInJson() {
        assertClearJson(get("/api/leads/1;x=1", "center"), 400);
        assertClearJson(get("/api/leads/%25", "center"), 400);
        assertClearJson(get("/api/leads/..%2F..%2Fetc%2Fpasswd", "center"), 400);
        assertClearJson(get("/api/projects/%00", "center"), 400);
        assertClearJson(get("/engine-rest/task/%5C..", "admin"), 400);
        // a docx download asked for as JSON: 406, said in JSON
        assertClearJson(get("/api/meetings/1/minutes", "center"), 406);
    }

    /** A model that is not well-formed XML, or carries a DOCTYPE (XXE, billion laughs): 400 at deployment. */
    @Test
    void anUnreadableModelIsRefusedAt400() {
        long deployments = count("ACT_RE_DEPLOYMENT");
        for (String model : new String[] {"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<x>&xxe;</x>", "not xml", "<definitions"}) {
            String boundary = "----examples" + System.nanoTime();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbad\r\n--"
                    + boundary + "\r\nContent-Disposition: form-data; name=\"bad.bpmn\"; filename=\"bad.bpmn\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
            Response response = raw("POST", "/engine-rest/deployment/create", "admin",
                    "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            // the deployment check (docs/security.md) or the engine's parser names the unreadable file
            assertThat(response.json().path("message").asText()).containsAnyOf("Could not parse", "not well-formed XML");
            assertThat(response.body()).doesNotContain("root:x:0:0", "\tat ", ".java:");
        }
        assertThat(count("ACT_RE_DEPLOYMENT")).isEqualTo(deployments);
    }

    /** A form body with a broken %-escape sent to a PUT: 415 (the API takes JSON), not a 500 from a filter. */
    @Test
    void aBrokenFormBodyOnAPutIsNotA500() {
        assertClearJson(raw("PUT", "/api/units/examples-unit", "admin", "application/x-www-form-urlencoded",
                "a=1&b=%zz".getBytes(StandardCharsets.UTF_8)), 415);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM unit WHERE code = 'examples-unit'", Long.class)).isZero();
    }

    /** Amounts finer than the 分 the ledger keeps (0.000000000001 万元, 1e-400) were rounded to 0 and stored. */
    @Test
    void anAmountWithMoreDecimalsThanStoredIsRefused() {
        long leads = count("lead");
        for (String amount : new String[] {"0.000000000001", "1e-400", "8000.001"}) {
            String body = "{\"companyName\":\"小数测试企业\",\"projectName\":\"小数测试项目\",\"industry\":\"MANUFACTURING\","
                    + "\"projectCategory\":\"INDUSTRIAL\",\"totalInvestmentWan\":" + amount + ",\"landRequired\":false,"
                    + "\"reportingUnit\":\"group-chengdong\",\"contactName\":\"王经理\",\"contactPhone\":\"13800000000\"}";
            Response response = postRaw("/api/leads", "reporter", body, "application/json");
            assertClearJson(response, 400);
            assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("totalInvestmentWan");
        }
        String foreign = "{\"companyName\":\"小数测试企业\",\"projectName\":\"小数测试项目\",\"industry\":\"MANUFACTURING\","
                + "\"projectCategory\":\"INDUSTRIAL\",\"totalInvestmentWan\":8000,\"foreignCapitalUsdWan\":1e-400,"
                + "\"landRequired\":false,\"reportingUnit\":\"group-chengdong\",\"contactName\":\"王经理\","
                + "\"contactPhone\":\"13800000000\"}";
        assertClearJson(postRaw("/api/leads", "reporter", foreign, "application/json"), 400);
        assertThat(count("lead")).isEqualTo(leads);
    }

    /** {"a":1}} or two objects in one body are not one JSON document. */
    @Test
    void trailingTokensAfterTheJsonAreRefused() {
        long units = count("unit");
        Response response = raw("PUT", "/api/units/examples-unit", "admin", "application/json",
                "{\"name\":\"示例单位\",\"kind\":\"TOWN\",\"active\":false}}".getBytes(StandardCharsets.UTF_8));
        assertClearJson(response, 400);
        assertClearJson(raw("PUT", "/api/units/examples-unit", "admin", "application/json",
                "{\"name\":\"示例单位\",\"kind\":\"TOWN\"}{\"active\":true}".getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(count("unit")).isEqualTo(units);
    }
}
