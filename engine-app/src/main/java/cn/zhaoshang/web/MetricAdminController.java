package cn.zhaoshang.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zhaoshang.lead.Industry;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.target.MetricKind;
import cn.zhaoshang.target.Metrics;
import cn.zhaoshang.target.TargetMetric;

/**
 * 考核指标 (/admin/metrics, administrators only): the metrics with how each is computed, and a form to add one from the
 * fixed computation kinds (never free SQL); the same service and audit as POST /api/targets/metrics.
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
}
