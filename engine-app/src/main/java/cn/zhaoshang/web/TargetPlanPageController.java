package cn.zhaoshang.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Callers;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.target.PlanItem;
import cn.zhaoshang.target.Progress;
import cn.zhaoshang.target.TargetMapper;
import cn.zhaoshang.target.TargetMetric;
import cn.zhaoshang.target.TargetPlan;
import cn.zhaoshang.target.TargetPlans;
import cn.zhaoshang.target.Targets;
import cn.zhaoshang.target.UnitTarget;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitKind;
import cn.zhaoshang.unit.UnitMapper;

/**
 * 目标任务方案 (/assessment/plans): the investment center drafts the decomposition of a year's targets to units, or a
 * later adjustment with its reason, in a grid of units × metrics, and revises a plan the county head returned; the
 * county's leaders and the center read every plan with its figures and decision. The same service as POST and PUT
 * /api/targets/plans, so the same checks and Process_TargetDecomposition (chenzhou-2017 §1: 分解…微调报请审定后下发实施).
 *
 * <p>A cell is named {@code t:<unit>:<metric>} ({@code t::<metric>} for the county's own target; unit codes are
 * {@code [a-z0-9-]}). An adjustment sends only the cells that differ from the targets in effect.
 */
@Controller
class TargetPlanPageController {

    private static final String CELL = "t:";

    private final TargetMapper targets;
    private final TargetPlans plans;
    private final UnitMapper units;
    private final Visibility visibility;
    private final TaskService taskService;

    TargetPlanPageController(TargetMapper targets, TargetPlans plans, UnitMapper units, Visibility visibility,
            TaskService taskService) {
        this.targets = targets;
        this.plans = plans;
        this.units = units;
        this.visibility = visibility;
        this.taskService = taskService;
    }

    /** One row of the grid: the county ({@code code} "") or a unit. */
    record Row(String code, String name, String kindLabel) {
    }

    @GetMapping("/assessment/plans")
    @Transactional(readOnly = true)
    String list(@RequestParam(required = false) String year, Authentication caller, Model model) {
        requireCountyWide();
        int y = AssessmentPageController.year(year);
        List<TargetPlan> ofYear = targets.findPlans(y);
        model.addAttribute("year", y);
        model.addAttribute("plans", ofYear);
        model.addAttribute("inEffect", !targets.findTargets(y).isEmpty());
        model.addAttribute("openPlan", ofYear.stream().filter(p -> TargetPlan.IN_APPROVAL.equals(p.status())
                || TargetPlan.RETURNED.equals(p.status())).findFirst().orElse(null));
        model.addAttribute("drafts", Callers.inAnyGroup(caller, Groups.INVESTMENT_CENTER));
        return "assessment/plans";
    }

    @GetMapping("/assessment/plans/{id}")
    @Transactional(readOnly = true)
    String detail(@PathVariable long id, Authentication caller, Model model) {
        requireCountyWide();
        TargetPlan plan = plan(id);
        Map<String, TargetMetric> metrics = new LinkedHashMap<>();
        targets.findMetrics().forEach(m -> metrics.put(m.code(), m));
        Map<String, String> names = unitNames();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PlanItem item : targets.findItems(id)) {
            TargetMetric metric = metrics.get(item.metricCode());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("unit", item.unitCode() == null ? "全县" : names.getOrDefault(item.unitCode(), item.unitCode()));
            row.put("metric", metric == null ? item.metricCode() : metric.name());
            row.put("value", Progress.plain(item.targetValue()).toPlainString() + (metric == null ? ""
                    : " " + metric.unitLabel()));
            rows.add(row);
        }
        model.addAttribute("plan", plan);
        model.addAttribute("draftedAt", TaskHistory.time(plan.draftedAt()));
        model.addAttribute("decidedAt", plan.decidedAt() == null ? null : TaskHistory.time(plan.decidedAt()));
        model.addAttribute("rows", rows);
        model.addAttribute("revisable", TargetPlan.RETURNED.equals(plan.status())
                && Callers.inAnyGroup(caller, Groups.INVESTMENT_CENTER));
        model.addAttribute("openTask", openTask(plan).map(Task::getId).orElse(null));
        return "assessment/plan";
    }

    @GetMapping("/assessment/plans/new")
    @Transactional(readOnly = true)
    String draftForm(@RequestParam(required = false) String year, Authentication caller, Model model) {
        requireCenter(caller);
        int y = AssessmentPageController.year(year);
        Map<String, String> values = new LinkedHashMap<>();
        inEffect(y).forEach((cell, value) -> values.put(cell, Progress.plain(value).toPlainString()));
        return grid(model, y, kindOf(y), null, null, values, Map.of());
    }

    @PostMapping("/assessment/plans")
    String submit(@RequestParam Map<String, String> form, Authentication caller, Model model,
            RedirectAttributes flash) {
        requireCenter(caller);
        int y = AssessmentPageController.year(form.get("year"));
        String kind = kindOf(y);
        String reason = form.get("reason");
        Map<String, String> values = cells(form);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> sent = new ArrayList<>();
        List<PlanItem> items = items(y, kind, values, sent, errors);
        if (errors.isEmpty()) {
            try {
                TargetPlan plan = plans.submit(new TargetPlans.Draft(y, kind, reason, items), caller.getName());
                flash.addFlashAttribute("notice", "已报县长审定：" + plan.planYear() + " 年" + plan.kindLabel() + "（"
                        + items.size() + " 项目标）。");
                return "redirect:/assessment/plans/" + plan.id();
            } catch (ApiException e) {
                refusal(e, sent, errors);
            }
        }
        return grid(model, y, kind, null, reason, values, errors);
    }

    @GetMapping("/assessment/plans/{id}/edit")
    @Transactional(readOnly = true)
    String reviseForm(@PathVariable long id, Authentication caller, Model model) {
        requireCenter(caller);
        TargetPlan plan = returned(id);
        Map<String, String> values = new LinkedHashMap<>();
        inEffect(plan.planYear()).forEach((cell, value) -> values.put(cell, Progress.plain(value).toPlainString()));
        targets.findItems(id).forEach(item -> values.put(cell(item.unitCode(), item.metricCode()),
                Progress.plain(item.targetValue()).toPlainString()));
        return grid(model, plan.planYear(), plan.kind(), plan, plan.reason(), values, Map.of());
    }

    @PostMapping("/assessment/plans/{id}")
    String revise(@PathVariable long id, @RequestParam Map<String, String> form, Authentication caller, Model model,
            RedirectAttributes flash) {
        requireCenter(caller);
        TargetPlan plan = returned(id);
        String reason = form.get("reason");
        Map<String, String> values = cells(form);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> sent = new ArrayList<>();
        List<PlanItem> items = items(plan.planYear(), plan.kind(), values, sent, errors);
        if (errors.isEmpty()) {
            try {
                plans.revise(id, new TargetPlans.Draft(plan.planYear(), plan.kind(), reason, items));
                Optional<Task> task = openTask(plan).filter(t -> Targets.Step.REVISE.equals(t.getTaskDefinitionKey()));
                flash.addFlashAttribute("notice", "方案已修改（" + items.size() + " 项目标）。请在本待办中选择“修改后重新报审”。");
                return task.map(t -> "redirect:/tasks/" + t.getId()).orElse("redirect:/assessment/plans/" + id);
            } catch (ApiException e) {
                refusal(e, sent, errors);
            }
        }
        return grid(model, plan.planYear(), plan.kind(), plan, reason, values, errors);
    }

    // ---- the grid

    private String grid(Model model, int year, String kind, TargetPlan plan, String reason, Map<String, String> values,
            Map<String, String> errors) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(UnitTarget.COUNTY, "全县", "县级总目标"));
        for (Unit unit : units.findAll()) {
            if (unit.active() && !UnitKind.CENTER.name().equals(unit.kind())) {
                rows.add(new Row(unit.code(), unit.name(), label(unit.kind())));
            }
        }
        Map<String, String> current = new LinkedHashMap<>();
        inEffect(year).forEach((cell, value) -> current.put(cell, Progress.plain(value).toPlainString()));
        model.addAttribute("year", year);
        model.addAttribute("kind", kind);
        model.addAttribute("kindLabel", TargetPlan.DECOMPOSITION.equals(kind) ? "年度目标任务分解" : "年度中调整");
        model.addAttribute("plan", plan);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("rows", rows);
        model.addAttribute("metrics", targets.findMetrics().stream().filter(TargetMetric::active).toList());
        model.addAttribute("values", values);
        model.addAttribute("current", current);
        model.addAttribute("errors", errors);
        return "assessment/plan-form";
    }

    /**
     * The cells to send: every filled one for a decomposition, the changed ones for an adjustment; a cell that is not
     * a number gets its error here, the rest are the service's to judge.
     */
    private List<PlanItem> items(int year, String kind, Map<String, String> values, List<String> sent,
            Map<String, String> errors) {
        Map<String, BigDecimal> current = inEffect(year);
        List<PlanItem> items = new ArrayList<>();
        values.forEach((cell, text) -> {
            if (text.isBlank()) {
                return;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                errors.put(cell, "请填写数字");
                return;
            }
            BigDecimal before = current.get(cell);
            if (TargetPlan.ADJUSTMENT.equals(kind) && before != null && before.compareTo(value) == 0) {
                return;
            }
            String[] parts = cell.split(":", -1);
            items.add(new PlanItem(parts[1].isEmpty() ? null : parts[1], parts[2], value));
            sent.add(cell);
        });
        if (errors.isEmpty() && items.isEmpty()) {
            errors.put("items", TargetPlan.ADJUSTMENT.equals(kind) ? "调整方案没有改变任何目标 / nothing is changed"
                    : "请至少填写一项目标 / at least one target is needed");
        }
        return items;
    }

    /** The service's field errors back onto the grid's cells; any other refusal (409, 404) above the grid. */
    private static void refusal(ApiException e, List<String> sent, Map<String, String> errors) {
        if (e.toBody().errors() == null || e.toBody().errors().isEmpty()) {
            errors.put("items", e.getMessage());
            return;
        }
        e.toBody().errors().forEach(fe -> {
            String field = fe.field();
            if (field.startsWith("items[")) {
                int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
                errors.put(index < sent.size() ? sent.get(index) : "items", fe.message());
            } else {
                errors.put(field, fe.message());
            }
        });
    }

    /** The grid's cells from the form, in the form's order; anything else in the form is not a cell. */
    private static Map<String, String> cells(Map<String, String> form) {
        Map<String, String> cells = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(CELL) && name.split(":", -1).length == 3 && value != null) {
                cells.put(name, value);
            }
        });
        return cells;
    }

    private Map<String, BigDecimal> inEffect(int year) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        targets.findTargets(year).forEach(t -> cells.put(cell(t.unitCode(), t.metricCode()), t.targetValue()));
        return cells;
    }

    private static String cell(String unitCode, String metricCode) {
        return CELL + (unitCode == null ? "" : unitCode) + ":" + metricCode;
    }

    private String kindOf(int year) {
        return targets.findTargets(year).isEmpty() ? TargetPlan.DECOMPOSITION : TargetPlan.ADJUSTMENT;
    }

    private TargetPlan plan(long id) {
        return targets.findPlan(id).orElseThrow(() -> ApiException.notFound("目标任务方案 " + id + " 不存在 / Target plan "
                + id + " not found"));
    }

    private TargetPlan returned(long id) {
        TargetPlan plan = plan(id);
        if (!TargetPlan.RETURNED.equals(plan.status())) {
            throw ApiException.conflict("PLAN_NOT_RETURNED", "只有县长退回的方案可以修改 / Only a returned plan can be revised");
        }
        return plan;
    }

    private Optional<Task> openTask(TargetPlan plan) {
        if (plan.processInstanceId() == null) {
            return Optional.empty();
        }
        return taskService.createTaskQuery().processInstanceId(plan.processInstanceId()).active().listPage(0, 1).stream()
                .findFirst();
    }

    private Map<String, String> unitNames() {
        Map<String, String> names = new LinkedHashMap<>();
        units.findAll().forEach(u -> names.put(u.code(), u.name()));
        return names;
    }

    private static String label(String kind) {
        try {
            return UnitKind.valueOf(kind).label();
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    private void requireCountyWide() {
        if (!visibility.scope().countyWide()) {
            throw ApiException.forbidden("目标任务方案由投资促进中心和县领导查看 / Target plans are for the investment center "
                    + "and the county's leaders");
        }
    }

    private static void requireCenter(Authentication caller) {
        Callers.requireAnyGroup(caller, "只有投资促进中心可以起草或修改目标任务方案 / Only the investment center drafts and "
                + "revises target plans", Groups.INVESTMENT_CENTER);
    }
}
