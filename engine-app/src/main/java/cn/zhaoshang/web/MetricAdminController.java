package cn.zhaoshang.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zhaoshang.lead.Industry;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.target.MetricKind;
import cn.zhaoshang.target.Metrics;
import cn.zhaoshang.target.TargetMetric;

/**
 * 考核指标 (/admin/metrics, administrators only): the metrics with how each is computed, and a form to add one from the
 * fixed computation kinds (never free SQL), and a button to switch each off or on; the same services and audit as
 * POST /api/targets/metrics and PUT /api/targets/metrics/{code}/active.
 */
@Controller
class MetricAdminController {

    private final Metrics metrics;

    MetricAdminController(Metrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/admin/metrics")
    String page(Model model) {
        model.addAttribute("metrics", metrics.all());
        model.addAttribute("kinds", MetricKind.values());
        model.addAttribute("industries", Industry.values());
        return "admin/metrics";
    }

    @PostMapping("/admin/metrics")
    String add(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String minInvestmentWan,
            @RequestParam(required = false) String projectCategory, @RequestParam(required = false) String industry,
            Authentication caller, RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal min = null;
        if (minInvestmentWan != null && !minInvestmentWan.isBlank()) {
            try {
                min = new BigDecimal(minInvestmentWan.strip());
            } catch (NumberFormatException e) {
                errors.put("minInvestmentWan", "最低投资额须为数字（万元）");
            }
        }
        if (errors.isEmpty()) {
            try {
                TargetMetric added = metrics.add(code, name, kind, min, projectCategory, industry, caller.getName());
                flash.addFlashAttribute("notice", "已增加考核指标「" + added.name() + "」：" + added.rule());
                return "redirect:/admin/metrics";
            } catch (ApiException e) {
                if (e.toBody().errors() == null || e.toBody().errors().isEmpty()) {
                    errors.put("code", e.getMessage());
                } else {
                    e.toBody().errors().forEach(fe -> errors.put(fe.field(), fe.message()));
                }
            }
        }
        flash.addFlashAttribute("errors", errors);
        return "redirect:/admin/metrics";
    }

    @PostMapping("/admin/metrics/{code}/active")
    String setActive(@PathVariable String code, @RequestParam(required = false) String active, RedirectAttributes flash) {
        if (!"true".equals(active) && !"false".equals(active)) {
            throw ApiException.validation(List.of(new FieldError("active", "请选择启用或停用 / active: true or false")));
        }
        TargetMetric metric = metrics.setActive(code, Boolean.parseBoolean(active));
        flash.addFlashAttribute("notice", (metric.active() ? "已启用" : "已停用") + "考核指标「" + metric.name() + "」。"
                + (metric.active() ? "" : "已下达的目标和历史保留，新方案不能再选用该指标。"));
        return "redirect:/admin/metrics";
    }
}
