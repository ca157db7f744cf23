package cn.zhaoshang.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.zhaoshang.support.AppIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's export and pages over plain HTTP (runs without a browser, on H2 and on MariaDB): a login by form is
 * needed, the export applies the page's filters and reads back as a workbook, a bad filter gets the Chinese 400 page
 * (no half-written file), and an unknown project or lead the Chinese 404 page.
 */
class LedgerExportIT extends AppIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String token = "导出" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

    @Test
    void theExportAppliesThePageFilters_andIsAWorkbook() throws Exception {
        long negotiating = negotiatingProject(token + "甲有限公司", "甲项目");
        long approval = submit(withCompany(application("SERVICE", 10), token + "乙有限公司")).get("projectId").asLong();

        assertThat(get("/ledger/export.xlsx?q=x", null).status()).as("a login first").isEqualTo(302);
        HttpClient session = login("center");

        byte[] all = download(session, "/ledger/export.xlsx?q=" + encode(token));
        List<Long> ids = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(all))) {
            Sheet sheet = workbook.getSheet("项目台账");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("类型");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
                ids.add((long) row.getCell(1).getNumericCellValue());
                assertThat(DateUtil.isCellDateFormatted(row.getCell(LedgerWorkbook.HEADERS.indexOf("登记日期")))).isTrue();
            }
        }
        assertThat(ids).containsExactlyInAnyOrder(negotiating, approval);

        byte[] filtered = download(session, "/ledger/export.xlsx?q=" + encode(token) + "&stage=APPROVAL&tier=T1");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(filtered))) {
            Sheet sheet = workbook.getSheet("项目台账");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat((long) sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(approval);
            assertThat(workbook.getSheet("导出说明").getRow(2).getCell(1).getStringCellValue())
                    .isEqualTo("企业或项目名称含「" + token + "」；阶段：落地审批；审批层级：T1");
        }

        HttpResponse<String> bad = session.send(page("/ledger/export.xlsx?from=2026-13-01&stage=NOWHERE"),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(bad.body()).contains("请求有误（400）").doesNotContain("Exception");

        HttpResponse<String> list = session.send(page("/ledger?q=" + encode(token) + "&from=2026-13-01"),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(list.body()).contains("开始日期格式应为 yyyy-MM-dd", "aria-invalid=\"true\"").doesNotContain("id=\"ledger\"");

        for (String unknown : List.of("/projects/0", "/ledger/leads/0", "/projects/0/drafts/1")) {
            HttpResponse<String> missing = session.send(page(unknown), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(missing.statusCode()).as(unknown).isEqualTo(404);
            assertThat(missing.body()).contains("页面不存在（404）");
        }
    }

    private static Map<String, Object> withCompany(Map<String, Object> application, String company) {
        Map<String, Object> changed = new LinkedHashMap<>(application);
        changed.put("companyName", company);
        return changed;
    }

    private byte[] download(HttpClient session, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = session.send(page(path), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(LedgerPageController.XLSX);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"ledger-").contains("filename*=UTF-8''");
        return response.body();
    }

    /** A browser-like session (cookies kept, redirects not followed) logged in through the login form. */
    private HttpClient login(String user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Matcher csrf = CSRF.matcher(client.send(page("/login"), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + user + "&password=demo&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).as("logged in").doesNotContain("error");
        return client;
    }

    private HttpRequest page(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET()
                .build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
