package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhaoshang.security.DataScope;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Callers;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.Groups;

/**
 * Annual targets and progress through REST: the metrics (administrators add one), the plans (the center drafts, the
 * county head approves in Process_TargetDecomposition), the targets in effect and their change history, progress per
 * unit with the projects behind each figure, the ranking, and the carrier's funds in place. A unit reads its own
 * targets, figures and projects; the ranking is for every unit (xuancheng-2019 §四.1 排行榜); the county-wide roles read
 * everything (security/Visibility).
 */
@RestController
class TargetController {

    private final TargetMapper targets;
    private final TargetPlans plans;
    private final Progress progress;
    private final FundsService funds;
    private final Visibility visibility;
    private final Metrics metrics;

    TargetController(TargetMapper targets, TargetPlans plans, Progress progress, FundsService funds,
            Visibility visibility, Metrics metrics) {
        this.metrics = metrics;
        this.targets = targets;
        this.plans = plans;
        this.progress = progress;
        this.funds = funds;
        this.visibility = visibility;
    }

    // ---- metrics

    @GetMapping(path = "/api/targets/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    List<MetricView> metrics() {
        return targets.findMetrics().stream().map(MetricView::of).toList();
    }

    record MetricView(String code, String name, String unitLabel, String kind, BigDecimal minInvestmentWan,
            String projectCategory, String industry, boolean active, boolean builtin, String rule) {
        static MetricView of(TargetMetric m) {
            return new MetricView(m.code(), m.name(), m.unitLabel(), m.kind(), m.minInvestmentWan(), m.projectCategory(),
                    m.industry(), m.active(), m.builtin(), m.rule());
        }
    }

    record MetricBody(String code, String name, String kind, BigDecimal minInvestmentWan, String projectCategory,
            String industry) {
    }

    @PostMapping(path = "/api/targets/metrics", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MetricView> addMetric(@RequestBody MetricBody body, Authentication caller) {
        Callers.requireAnyGroup(caller, "只有系统管理员可以增加考核指标 / Only an administrator adds a metric", Groups.ADMIN);
        TargetMetric metric = metrics.add(body.code(), body.name(), body.kind(), body.minInvestmentWan(),
                body.projectCategory(), body.industry(), caller.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(MetricView.of(metric));
    }

    record ActiveBody(Boolean active) {
    }

    @PutMapping(path = "/api/targets/metrics/{code}/active", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    MetricView setActive(@PathVariable String code, @RequestBody ActiveBody body, Authentication caller) {
        Callers.requireAnyGroup(caller, "只有系统管理员可以停用或启用考核指标 / Only an administrator switches a metric",
                Groups.ADMIN);
        return MetricView.of(metrics.setActive(code, body.active()));
    }

    // ---- plans

    @PostMapping(path = "/api/targets/plans", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PlanView> submit(@RequestBody TargetPlans.Draft draft, Authentication caller) {
        Callers.requireAnyGroup(caller, "只有投资促进中心可以起草目标任务方案 / Only the investment center drafts target plans",
                Groups.INVESTMENT_CENTER);
        TargetPlan plan = plans.submit(draft, caller.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(plan));
    }

    @PutMapping(path = "/api/targets/plans/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    PlanView revise(@PathVariable long id, @RequestBody TargetPlans.Draft draft, Authentication caller) {
        Callers.requireAnyGroup(caller, "只有投资促进中心可以修改目标任务方案 / Only the investment center revises target plans",
                Groups.INVESTMENT_CENTER);
        return view(plans.revise(id, draft));
    }

    record PlanView(TargetPlan plan, String kindLabel, String statusLabel, List<PlanItem> items) {
    }

    @GetMapping(path = "/api/targets/plans", produces = MediaType.APPLICATION_JSON_VALUE)
    List<TargetPlan> plans(@RequestParam(required = false) Integer year) {
        requireCountyWide();
        return year == null ? targets.findRecentPlans(200) : targets.findPlans(year);
    }

    @GetMapping(path = "/api/targets/plans/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    PlanView plan(@PathVariable long id) {
        requireCountyWide();
        return view(targets.findPlan(id).orElseThrow(() -> ApiException.notFound("目标任务方案 " + id + " 不存在 / Target "
                + "plan " + id + " not found")));
    }

    private PlanView view(TargetPlan plan) {
        return new PlanView(plan, plan.kindLabel(), plan.statusLabel(), targets.findItems(plan.id()));
    }

    // ---- targets in effect, history

    @GetMapping(path = "/api/targets", produces = MediaType.APPLICATION_JSON_VALUE)
    List<UnitTarget> inEffect(@RequestParam(required = false) Integer year) {
        DataScope scope = visibility.scope();
        return targets.findTargets(year(year)).stream()
                .filter(t -> scope.countyWide() || t.unitCode().isEmpty() || t.unitCode().equals(scope.unit())).toList();
    }

    @GetMapping(path = "/api/targets/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    List<TargetChange> changes(@RequestParam(required = false) Integer year) {
        DataScope scope = visibility.scope();
        return targets.findChanges(year(year)).stream()
                .filter(c -> scope.countyWide() || c.unitCode().isEmpty() || c.unitCode().equals(scope.unit())).toList();
    }

    // ---- progress

    @GetMapping(path = "/api/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Progress.Figure> progress(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String metric) {
        DataScope scope = visibility.scope();
        int y = year(year);
        return progress.figures(y, asOf(asOf, y), metric(metric)).stream()
                .filter(f -> scope.countyWide() || f.unitCode().isEmpty() || f.unitCode().equals(scope.unit())).toList();
    }

    /** 排行榜: every unit with a target, by completion — for every unit to read (xuancheng-2019 §四.1). */
    @GetMapping(path = "/api/progress/ranking", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Progress.Rank> ranking(@RequestParam(required = false) Integer year, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String metric) {
        int y = year(year);
        String code = metric(metric);
        return progress.ranking(y, asOf(asOf, y), code == null ? "SIGNED_PROJECTS" : code);
    }

    record Drilldown(String unitCode, String metricCode, String metricName, int year, LocalDate asOf,
            BigDecimal total, List<Contribution> projects) {
    }

    /** The projects behind a unit's figure ({@code unit} empty for the county's): a unit reads its own only. */
    @GetMapping(path = "/api/progress/projects", produces = MediaType.APPLICATION_JSON_VALUE)
    Drilldown projects(@RequestParam(required = false) Integer year, @RequestParam(required = false) String asOf,
            @RequestParam String metric, @RequestParam(required = false, defaultValue = "") String unit) {
        DataScope scope = visibility.scope();
        String unitCode = unit.strip();
        if (!scope.countyWide() && !unitCode.equals(scope.unit())) {
            throw ApiException.forbidden("只能查看本单位完成情况所依据的项目 / A unit reads the projects behind its own figures only");
        }
        int y = year(year);
        TargetMetric m = targets.findMetric(metric(metric)).orElseThrow();
        LocalDate day = asOf(asOf, y);
        List<Contribution> rows = progress.projects(y, day, m, unitCode);
        return new Drilldown(unitCode, m.code(), m.name(), y, day,
                Progress.plain(rows.stream().map(Contribution::amount).reduce(BigDecimal.ZERO, BigDecimal::add)), rows);
    }

    // ---- funds in place

    @GetMapping(path = "/api/projects/{projectId}/funds-in-place", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> funds(@PathVariable long projectId) {
        List<FundsInPlace> entries = funds.of(projectId);
        return Map.of("entries", entries, "totalWan",
                Progress.plain(entries.stream().map(FundsInPlace::amountWan).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    record FundsBody(BigDecimal amountWan, String inPlaceOn, String evidence) {
    }

    @PostMapping(path = "/api/projects/{projectId}/funds-in-place", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FundsInPlace> recordFunds(@PathVariable long projectId, @RequestBody FundsBody body,
            Authentication caller) {
        Callers.requireAnyGroup(caller, "只有落户载体或投资促进中心可以登记到位资金 / Only the carrier or the investment center "
                + "records funds in place", Groups.CARRIER, Groups.INVESTMENT_CENTER);
        List<FieldError> errors = new ArrayList<>();
        LocalDate day = FormValues.date(body.inPlaceOn(), "inPlaceOn", errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        FundsInPlace entry = funds.record(projectId, new FundsService.Entry(body.amountWan(), day, body.evidence()),
                caller.getName(), Callers.inAnyGroup(caller, Groups.INVESTMENT_CENTER));
        return ResponseEntity.status(HttpStatus.CREATED).body(entry);
    }

    // ---- parameters

    private void requireCountyWide() {
        if (!visibility.scope().countyWide()) {
            throw ApiException.forbidden("目标任务方案由投资促进中心和县领导查看 / Target plans are for the investment center "
                    + "and the county's leaders");
        }
    }

    static int year(Integer year) {
        if (year == null) {
            return EngineClock.today().getYear();
        }
        if (year < 2000 || year > 2100) {
            throw ApiException.validation(List.of(new FieldError("year", "年度须在 2000–2100 之间 / year must be between "
                    + "2000 and 2100")));
        }
        return year;
    }

    /** The day the figures are counted to: the given day, else today (or 31 December of a past year). */
    static LocalDate asOf(String asOf, int year) {
        if (asOf == null || asOf.isBlank()) {
            LocalDate today = EngineClock.today();
            return today.getYear() > year ? LocalDate.of(year, 12, 31) : today;
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.validation(List.of(new FieldError("asOf", "日期格式应为 YYYY-MM-DD / asOf: YYYY-MM-DD")));
        }
    }

    private String metric(String metric) {
        if (metric == null || metric.isBlank()) {
            return null;
        }
        if (targets.findMetric(metric.strip()).isEmpty()) {
            throw ApiException.notFound("指标 " + metric + " 不存在 / Metric " + metric + " not found");
        }
        return metric.strip();
    }
}
