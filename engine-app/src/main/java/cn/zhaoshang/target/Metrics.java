package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.security.AuditAction;
import cn.zhaoshang.security.AuditLog;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;

/** The metrics units get targets on; an administrator adds one from the fixed kinds (audited). */
@Service
public class Metrics {

    private final TargetMapper targets;
    private final AuditLog audit;

    Metrics(TargetMapper targets, AuditLog audit) {
        this.targets = targets;
        this.audit = audit;
    }

    public List<TargetMetric> all() {
        return targets.findMetrics();
    }

    @Transactional
    public TargetMetric add(String code, String name, String kind, BigDecimal minInvestmentWan, String projectCategory,
            String industry, String actor) {
        TargetMetric metric = MetricRules.validate(code, name, kind, minInvestmentWan, projectCategory, industry,
                targets.maxSortOrder() + 10, actor);
        if (targets.findMetric(metric.code()).isPresent()) {
            throw ApiException.conflict("METRIC_EXISTS", "指标代码 " + metric.code() + " 已存在 / Metric " + metric.code()
                    + " exists");
        }
        targets.insertMetric(metric);
        audit.record(AuditAction.TARGET_METRIC_CHANGED, "metric " + metric.code(), "增加考核指标「" + metric.name() + "」："
                + metric.rule());
        return metric;
    }

    /**
     * Switches a metric on or off (audited). An inactive metric takes no new targets and leaves the ranking's choice;
     * targets already in effect on it stay, with their history.
     */
    @Transactional
    public TargetMetric setActive(String code, Boolean active) {
        TargetMetric metric = targets.findMetric(code).orElseThrow(() -> ApiException.notFound("指标 " + code
                + " 不存在 / Metric " + code + " not found"));
        if (active == null) {
            throw ApiException.validation(List.of(new FieldError("active", "请填写 true 或 false / active is required")));
        }
        if (metric.active() != active) {
            targets.setMetricActive(code, active);
            audit.record(AuditAction.TARGET_METRIC_CHANGED, "metric " + code, (active ? "启用" : "停用") + "考核指标「"
                    + metric.name() + "」");
        }
        return targets.findMetric(code).orElseThrow();
    }
}
