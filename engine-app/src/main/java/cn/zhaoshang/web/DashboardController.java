package cn.zhaoshang.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.zhaoshang.fulfilment.Milestone;
import cn.zhaoshang.ledger.FunnelMapper;
import cn.zhaoshang.ledger.FunnelRow;
import cn.zhaoshang.ledger.WarningMapper;
import cn.zhaoshang.ledger.WarningMapper.UnitCount;
import cn.zhaoshang.security.DataScope;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.WithoutAuthorization;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitMapper;

/**
 * 驾驶舱: the funnel and the lifecycle rates per reporting unit and period (xuancheng §二.2 漏斗式管理; tongcheng §25
 * 转化率、落地开工率、投产率、入统率、入规率、达产率), and the warnings of the 智控系统 (panan §四.1) — as charts, with the
 * numbers behind each one a click away (a table under every chart, each figure linking to the ledger). Every figure
 * counts what the caller may read (security/Visibility): a reporting unit sees its own funnel and warnings.
 */
@Controller
class DashboardController {

    static final int WARNING_ROWS = 20;

    private final FunnelMapper funnel;
    private final WarningMapper warnings;
    private final UnitMapper units;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final ObjectMapper json;
    private final Visibility visibility;

    DashboardController(FunnelMapper funnel, WarningMapper warnings, UnitMapper units, TaskService taskService,
            RepositoryService repositoryService, IdentityService identityService, ObjectMapper json,
            Visibility visibility) {
        this.visibility = visibility;
        this.funnel = funnel;
        this.warnings = warnings;
        this.units = units;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.json = json;
    }

    @GetMapping("/dashboard")
    @Transactional(readOnly = true)
    String dashboard(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model, HttpServletResponse response)
            throws JsonProcessingException {
        LocalDate today = EngineClock.today();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("unit", unit == null ? "" : unit.strip());
        values.put("from", from == null || from.isBlank() ? today.withDayOfYear(1).toString() : from.strip());
        values.put("to", to == null || to.isBlank() ? today.toString() : to.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate fromDate = date(values.get("from"), "from", errors);
        LocalDate toDate = date(values.get("to"), "to", errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.put("from", "开始日期不能晚于结束日期");
        }
        List<Unit> allUnits = units.findAll();
        String unitCode = values.get("unit").isEmpty() ? null : values.get("unit");
        if (unitCode != null && allUnits.stream().noneMatch(u -> u.code().equals(unitCode))) {
            errors.put("unit", "单位 " + unitCode + " 不存在");
        }
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("units", allUnits);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "dashboard";
        }

        Instant fromInstant = fromDate.atStartOfDay(EngineClock.BEIJING).toInstant();
        Instant before = toDate.plusDays(1).atStartOfDay(EngineClock.BEIJING).toInstant();
        DataScope scope = visibility.scope();
        List<FunnelRow> rows = funnel.countByUnit(scope, unitCode, fromInstant, before);
        FunnelRow total = FunnelRow.total("合计", rows);
        Map<String, String> unitNames = allUnits.stream().collect(Collectors.toMap(Unit::code, Unit::name));
        Map<String, Long> overdueMilestones = byUnit(warnings.overdueMilestonesByUnit(scope, today, unitCode));
        Map<String, Long> staleFlags = byUnit(warnings.staleFlagsByUnit(scope, unitCode, fromInstant, before));
        List<WarningRow> warningRows = new ArrayList<>();
        new TreeMap<>(union(overdueMilestones, staleFlags)).forEach((code, ignored) -> warningRows.add(new WarningRow(code,
                unitNames.getOrDefault(code, code), overdueMilestones.getOrDefault(code, 0L),
                staleFlags.getOrDefault(code, 0L))));
        List<OverdueMilestoneView> overdueList = warnings.overdueMilestones(scope, today, unitCode, WARNING_ROWS).stream()
                .map(m -> new OverdueMilestoneView(m.projectId(), m.companyName(), m.projectName(),
                        unitNames.getOrDefault(m.unit(), m.unit()), m.taskForceLeader(), Milestone.label(m.milestone()),
                        m.dueOn(), today.toEpochDay() - m.dueOn().toEpochDay()))
                .toList();
        List<OverdueStep> overdueSteps = overdueSteps(scope);

        model.addAttribute("rows", rows);
        model.addAttribute("total", total);
        model.addAttribute("warningRows", warningRows);
        model.addAttribute("overdueMilestones", overdueList);
        model.addAttribute("overdueSteps", overdueSteps);
        model.addAttribute("overdueStepCount", overdueSteps.stream().mapToLong(OverdueStep::count).sum());
        model.addAttribute("chartData", json.writeValueAsString(chartData(rows, total, warningRows, values)));
        return "dashboard";
    }

    /**
     * Open steps past their due date, per process and step: read without the caller's task grants (the steps' content
     * is not shown, only their names and counts), of the leads, projects, appeals and meetings the caller may read —
     * the county's overview for the county-wide roles, a unit's own for a unit.
     */
    private List<OverdueStep> overdueSteps(DataScope scope) {
        Date now = Date.from(EngineClock.now());
        List<Task> all = WithoutAuthorization.run(identityService,
                () -> taskService.createTaskQuery().active().dueBefore(now).unlimitedList());
        Set<String> readable = scope.countyWide() ? null
                : visibility.visibleInstances(all.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
                        .collect(Collectors.toSet()));
        List<Task> overdue = readable == null ? all
                : all.stream().filter(task -> readable.contains(task.getProcessInstanceId())).toList();
        Map<String, String> processNames = new LinkedHashMap<>();
        overdue.stream().map(Task::getProcessDefinitionId).distinct().forEach(id -> {
            ProcessDefinition definition = WithoutAuthorization.run(identityService,
                    () -> repositoryService.createProcessDefinitionQuery().processDefinitionId(id).singleResult());
            processNames.put(id, definition == null ? id : definition.getName() != null ? definition.getName() : definition.getKey());
        });
        Map<String, List<Task>> byStep = overdue.stream().collect(Collectors.groupingBy(
                t -> processNames.getOrDefault(t.getProcessDefinitionId(), "") + "\u0000" + t.getName(), TreeMap::new,
                Collectors.toList()));
        List<OverdueStep> steps = new ArrayList<>();
        byStep.forEach((key, tasks) -> {
            Date earliest = tasks.stream().map(Task::getDueDate).min(Date::compareTo).orElse(now);
            LocalDate earliestDay = earliest.toInstant().atZone(EngineClock.BEIJING).toLocalDate();
            steps.add(new OverdueStep(key.substring(0, key.indexOf('\u0000')), key.substring(key.indexOf('\u0000') + 1),
                    tasks.size(), earliestDay));
        });
        steps.sort((a, b) -> Long.compare(b.count(), a.count()));
        return steps;
    }

    /** What dashboard.js draws; the same figures are in the tables of the page. */
    private static Map<String, Object> chartData(List<FunnelRow> rows, FunnelRow total, List<WarningRow> warningRows,
            Map<String, String> values) {
        Map<String, Object> data = new LinkedHashMap<>();
        // the stages a lead has reached, each a subset of the one before
        data.put("funnel", List.of(stage("线索报送", total.reported()), stage("有效线索", total.valid()),
                stage("批准落地", total.approved()), stage("签约", total.signed()), stage("开工", total.started()),
                stage("投产", total.inProduction()), stage("入库纳统", total.inStatistics()),
                stage("入规", total.aboveScale()), stage("达产", total.fullCapacity())));
        List<Map<String, Object>> units = new ArrayList<>();
        for (FunnelRow row : rows) {
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("code", row.unit());
            unit.put("name", row.unitName() != null ? row.unitName() : row.unit());
            unit.put("rates", percentages(row));
            units.add(unit);
        }
        data.put("units", units);
        data.put("rateNames", List.of("转化率", "落地率", "开工率", "投产率", "入统率", "入规率", "达产率"));
        data.put("warnings", warningRows);
        data.put("unit", values.get("unit"));
        return data;
    }

    private static Map<String, Object> stage(String name, long value) {
        return Map.of("name", name, "value", value);
    }

    /** Rates as percentages with one decimal, null where there is nothing to divide by (the chart leaves a gap). */
    private static List<Double> percentages(FunnelRow row) {
        List<BigDecimal> rates = Arrays.asList(row.conversionRate(), row.landingRate(), row.startRate(),
                row.productionRate(), row.statisticsRate(), row.aboveScaleRate(), row.fullCapacityRate());
        List<Double> percentages = new ArrayList<>();
        for (BigDecimal rate : rates) {
            percentages.add(rate == null ? null : rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).doubleValue());
        }
        return percentages;
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                errors.put(field, "日期须在 2000 至 2100 年之间");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.put(field, "日期格式应为 年-月-日，例如 2026-01-01");
            return null;
        }
    }

    private static Map<String, Long> byUnit(List<UnitCount> counts) {
        return counts.stream().collect(Collectors.toMap(UnitCount::unit, UnitCount::count, Long::sum));
    }

    private static Map<String, Long> union(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> union = new LinkedHashMap<>(a);
        b.forEach(union::putIfAbsent);
        return union;
    }

    record WarningRow(String unit, String unitName, long overdueMilestones, long staleFlags) {
    }

    record OverdueMilestoneView(long projectId, String companyName, String projectName, String unitName,
            String taskForceLeader, String milestone, LocalDate dueOn, long daysOverdue) {
    }

    record OverdueStep(String process, String step, long count, LocalDate earliestDueOn) {
    }
}
