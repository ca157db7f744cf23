package cn.zhaoshang.web;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhaoshang.support.AppIT;
import cn.zhaoshang.support.WorkbenchSession;

import static cn.zhaoshang.support.WorkbenchSession.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 报送线索 and 登记企业诉求 in the workbench: the start forms rendered on the server, the same rules as the REST API
 * (required facts, one's own unit), a refusal next to the field with nothing started, and the links only for those the
 * engine lets start the process.
 */
class StartPagesHttpIT extends AppIT {

    @Autowired
    JdbcTemplate jdbc;

    /** in company names: a persistent MariaDB keeps earlier runs' leads */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static Map<String, String> lead(String company) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("companyName", company);
        form.put("projectName", "智能装备制造项目");
        form.put("industry", "MANUFACTURING");
        form.put("projectCategory", "INDUSTRIAL");
        form.put("totalInvestmentWan", "12000");
        form.put("landRequired", "true");
        form.put("landAreaMu", "35");
        form.put("reportingUnit", "group-chengdong");
        form.put("contactName", "王经理");
        form.put("contactPhone", "13800000000");
        return form;
    }

    private int leadsOf(String company) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM lead WHERE company_name = ?", Integer.class, company);
    }

    @Test
    void aReporterReportsALeadForTheirOwnUnit_andReadsItsLedger() {
        WorkbenchSession reporter = WorkbenchSession.login(port, "reporter");
        String home = reporter.get("/").body();
        assertThat(home).contains("href=\"/leads/new\"").doesNotContain("href=\"/appeals/new\"");

        HttpResponse<String> form = reporter.get("/leads/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"start-form\"", "name=\"companyName\"", "name=\"industry\"",
                "value=\"group-chengdong\"", "/js/task-form.js");

        String company = "工作台报送企业" + RUN;
        Map<String, String> missing = lead(company);
        missing.remove("contactPhone");
        missing.put("totalInvestmentWan", "一亿");
        HttpResponse<String> refused = reporter.post("/leads/new", missing);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("未提交：请按提示改正后再提交。", "id=\"f-contactPhone-error\"",
                "id=\"f-totalInvestmentWan-error\"", "value=\"" + company + "\"").doesNotContain("Exception");
        assertThat(leadsOf(company)).as("nothing started").isZero();

        Map<String, String> otherUnit = lead(company);
        otherUnit.put("reportingUnit", "town-jianshan");
        HttpResponse<String> notOwn = reporter.post("/leads/new", otherUnit);
        assertThat(notOwn.statusCode()).isEqualTo(400);
        assertThat(text(notOwn.body())).contains("只能以本单位（城东招商组）名义报送").doesNotContain("You may report");
        assertThat(leadsOf(company)).isZero();

        HttpResponse<String> reported = reporter.post("/leads/new", lead(company));
        assertThat(reported.statusCode()).isEqualTo(302);
        long leadId = jdbc.queryForObject("SELECT id FROM lead WHERE company_name = ?", Long.class, company);
        assertThat(reported.headers().firstValue("Location").orElse("")).endsWith("/ledger/leads/" + leadId);
        assertThat(jdbc.queryForMap("SELECT reporter, reporting_unit, land_area_mu FROM lead WHERE id = ?", leadId))
                .containsEntry("REPORTER", "reporter").containsEntry("REPORTING_UNIT", "group-chengdong");
        String page = text(reporter.follow(reported).body());
        assertThat(page).contains("已报送线索（编号 " + leadId + "）", company, "智能装备制造项目");
    }

    @Test
    void theCenterRegistersAnAppeal_andAReporterMayNot() {
        WorkbenchSession reporter = WorkbenchSession.login(port, "reporter");
        HttpResponse<String> forbidden = reporter.get("/appeals/new");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(text(forbidden.body())).contains("您没有登记企业诉求的权限");

        WorkbenchSession center = WorkbenchSession.login(port, "center");
        assertThat(center.get("/").body()).contains("href=\"/leads/new\"", "href=\"/appeals/new\"");
        String company = "诉求登记企业" + RUN;
        HttpResponse<String> refused = center.post("/appeals/new",
                Map.of("kind", "COMPLAINT", "companyName", company, "subject", "", "opinion", "供电迟迟未接入"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"f-subject-error\"", "供电迟迟未接入");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enterprise_appeal WHERE company_name = ?", Integer.class,
                company)).isZero();

        HttpResponse<String> registered = center.post("/appeals/new", Map.of("kind", "COMPLAINT",
                "companyName", company, "subject", "厂房供电未接入", "opinion", "签约已三个月，供电迟迟未接入。"));
        assertThat(registered.statusCode()).isEqualTo(302);
        Map<String, Object> appeal = jdbc.queryForMap(
                "SELECT id, kind, subject, content, submitted_by, answer_due_on FROM enterprise_appeal WHERE company_name = ?",
                company);
        assertThat(appeal).containsEntry("KIND", "COMPLAINT").containsEntry("SUBJECT", "厂房供电未接入")
                .containsEntry("CONTENT", "签约已三个月，供电迟迟未接入。").containsEntry("SUBMITTED_BY", "center");
        assertThat(text(center.follow(registered).body())).contains("已登记企业诉求（编号 " + appeal.get("ID") + "）",
                "答复期限 " + appeal.get("ANSWER_DUE_ON"));
        assertThat(text(center.get("/tasks/group").body())).as("to be accepted by the center").contains(company);
    }
}
