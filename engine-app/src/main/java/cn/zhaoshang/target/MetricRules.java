package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.lead.Industry;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;

/** What an administrator may define as a metric: a code, a name, one of the {@link MetricKind}s and its filters. */
final class MetricRules {

    private MetricRules() {
    }

    static TargetMetric validate(String code, String name, String kind, BigDecimal minInvestmentWan,
            String projectCategory, String industry, int sortOrder, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String c = code == null ? "" : code.strip();
        if (!c.matches("[A-Z][A-Z0-9_]{1,39}")) {
            errors.add(new FieldError("code", "指标代码用大写字母、数字和下划线，2–40 位 / code: A-Z, 0-9 and _, 2–40 characters"));
        }
        FormValues.requireText(errors, "name", name, 100, "指标名称");
        MetricKind metricKind = FormValues.parseEnum(MetricKind.class, kind);
        if (metricKind == null) {
            errors.add(new FieldError("kind", "计算方式只能是 COUNT_SIGNED（签约项目数）、COUNT_STARTED（开工项目数）、SUM_FUNDS"
                    + "（到位资金）/ kind must be COUNT_SIGNED, COUNT_STARTED or SUM_FUNDS"));
        }
        if (minInvestmentWan != null && (minInvestmentWan.signum() < 0 || minInvestmentWan.stripTrailingZeros().scale() > 2
                || minInvestmentWan.compareTo(TargetPlans.MAX_VALUE) >= 0)) {
            errors.add(new FieldError("minInvestmentWan", "最低投资额须为不小于 0 的数（万元），最多两位小数 / minInvestmentWan"));
        }
        String category = projectCategory == null || projectCategory.isBlank() ? null : projectCategory.strip();
        if (category != null && !category.equals("INDUSTRIAL") && !category.equals("SERVICE")) {
            errors.add(new FieldError("projectCategory", "项目类别只能是 INDUSTRIAL 或 SERVICE / projectCategory"));
        }
        String ind = industry == null || industry.isBlank() ? null : industry.strip();
        if (ind != null && FormValues.parseEnum(Industry.class, ind) == null) {
            errors.add(new FieldError("industry", "产业代码不存在 / unknown industry"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new TargetMetric(c, name.strip(), metricKind.unitLabel(), metricKind.name(), minInvestmentWan, category,
                ind, sortOrder, true, false, actor, EngineClock.now());
    }
}
