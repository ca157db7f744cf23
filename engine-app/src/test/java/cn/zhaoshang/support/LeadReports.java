package cn.zhaoshang.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** A lead as POST /api/leads takes it (城东招商组, 8000 万元, 15 亩 of land): tests change single fields. */
public final class LeadReports {

    private LeadReports() {
    }

    public static Map<String, Object> of(String company, String project) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyName", company);
        body.put("projectName", project);
        body.put("industry", "CULTURE_TOURISM");
        body.put("projectCategory", "SERVICE");
        body.put("totalInvestmentWan", 8000);
        body.put("foreignCapitalUsdWan", null);
        body.put("sourceCountry", null);
        body.put("landRequired", true);
        body.put("landAreaMu", 15);
        body.put("reportingUnit", "group-chengdong");
        body.put("referrer", "张建国");
        body.put("referrerEnterprise", null);
        body.put("contactName", "陈经理");
        body.put("contactPhone", "13857900001");
        return body;
    }
}
