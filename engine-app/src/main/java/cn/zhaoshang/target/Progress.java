package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitKind;
import cn.zhaoshang.unit.UnitMapper;

/**
 * Each unit's progress towards its annual targets, computed from the ledger at a day of the year (ProgressMapper): the
 * figures are never typed in, and each one traces to its projects ({@link #projects}). A project counts for the unit
 * that reported its lead and for its carrier (panan-2022 §二.(三): 项目招引单位和落地单位给予同等考核加分; xuancheng-2019
 * §三.1: 项目落地与项目线索追溯应证, no splitting or re-attribution); the county's own figure counts it once.
 */
@Component
public class Progress {

    private final ProgressMapper mapper;
    private final TargetMapper targets;
    private final UnitMapper units;

    Progress(ProgressMapper mapper, TargetMapper targets, UnitMapper units) {
        this.mapper = mapper;
        this.targets = targets;
        this.units = units;
    }

    /** A unit's (or, with {@code unitCode} "", the county's) figure on one metric. */
    public record Figure(String unitCode, String unitName, String unitKind, String metricCode, String metricName,
            String unitLabel, BigDecimal target, BigDecimal actual, BigDecimal completion, int projects) {

        /** Completion in percent with one decimal, or null without a target. */
        public BigDecimal percent() {
            return completion == null ? null : completion.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
        }

        /** actual < target × fraction (a unit with no target, or a target of 0, is never behind). */
        public boolean below(BigDecimal fraction) {
            return target != null && target.signum() > 0 && actual.compareTo(target.multiply(fraction)) < 0;
        }
    }

    /** One row of the ranking (排行榜, xuancheng-2019 §四.1). */
    public record Rank(int rank, Figure figure) {
    }

    /**
     * Every unit with a target in {@code year} (and every unit with a figure, without a target) on each active metric
     * (or only {@code metricCode}), counted from 1 January to {@code asOf}; the county's row first, unitCode "".
     */
    public List<Figure> figures(int year, LocalDate asOf, String metricCode) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = asOf.isAfter(LocalDate.of(year, 12, 31)) ? LocalDate.of(year, 12, 31) : asOf;
        Map<String, Unit> unitsByCode = units.findAll().stream()
                .collect(Collectors.toMap(Unit::code, u -> u, (a, b) -> a, LinkedHashMap::new));
        List<UnitTarget> inEffect = targets.findTargets(year);
        List<Figure> figures = new ArrayList<>();
        for (TargetMetric metric : targets.findMetrics()) {
            if (!metric.active() || (metricCode != null && !metric.code().equals(metricCode))) {
                continue;
            }
            Map<String, BigDecimal> targetByUnit = new LinkedHashMap<>();
            inEffect.stream().filter(t -> t.metricCode().equals(metric.code()))
                    .forEach(t -> targetByUnit.put(t.unitCode(), t.targetValue()));
            Map<String, List<Contribution>> byUnit = contributions(metric, from, to, null).stream()
                    .collect(Collectors.groupingBy(Contribution::unitCode, LinkedHashMap::new, Collectors.toList()));
            BigDecimal county = to.isBefore(from) ? BigDecimal.ZERO : mapper.countyTotal(metric.kind(),
                    metric.minInvestmentWan(), metric.projectCategory(), metric.industry(), from, to);
            int countyProjects = (int) byUnit.values().stream().flatMap(List::stream).map(Contribution::projectId)
                    .distinct().count();
            figures.add(figure(UnitTarget.COUNTY, "全县", "", metric, targetByUnit.get(UnitTarget.COUNTY), county,
                    countyProjects));
            Set<String> codes = new LinkedHashSet<>();
            targetByUnit.keySet().stream().filter(code -> !code.isEmpty()).forEach(codes::add);
            codes.addAll(byUnit.keySet());
            for (String code : codes) {
                Unit unit = unitsByCode.get(code);
                List<Contribution> rows = byUnit.getOrDefault(code, List.of());
                BigDecimal actual = rows.stream().map(Contribution::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                figures.add(figure(code, unit == null ? code : unit.name(), unit == null ? "" : unit.kind(), metric,
                        targetByUnit.get(code), actual, rows.size()));
            }
        }
        return figures;
    }

    /** The projects behind one unit's figure (drill-down); {@code unitCode} "" for the county's. */
    public List<Contribution> projects(int year, LocalDate asOf, TargetMetric metric, String unitCode) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = asOf.isAfter(LocalDate.of(year, 12, 31)) ? LocalDate.of(year, 12, 31) : asOf;
        if (UnitTarget.COUNTY.equals(unitCode)) {
            Map<Long, Contribution> once = new LinkedHashMap<>();
            contributions(metric, from, to, null).forEach(c -> once.putIfAbsent(c.projectId(), c));
            return List.copyOf(once.values());
        }
        return contributions(metric, from, to, unitCode);
    }

    /**
     * The ranking on one metric: units with a target, by completion (then by figure), ties sharing a rank; the county's
     * row left out.
     */
    public List<Rank> ranking(int year, LocalDate asOf, String metricCode) {
        List<Figure> ranked = figures(year, asOf, metricCode).stream()
                .filter(f -> !f.unitCode().isEmpty() && f.target() != null && f.target().signum() > 0)
                .sorted(Comparator.comparing(Figure::completion, Comparator.reverseOrder())
                        .thenComparing(Figure::actual, Comparator.reverseOrder()).thenComparing(Figure::unitCode))
                .toList();
        List<Rank> ranks = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Figure f = ranked.get(i);
            boolean tie = i > 0 && f.completion().compareTo(ranked.get(i - 1).completion()) == 0
                    && f.actual().compareTo(ranked.get(i - 1).actual()) == 0;
            ranks.add(new Rank(tie ? ranks.get(i - 1).rank() : i + 1, f));
        }
        return ranks;
    }

    private List<Contribution> contributions(TargetMetric metric, LocalDate from, LocalDate to, String unit) {
        if (to.isBefore(from)) {
            return List.of();
        }
        return mapper.contributions(metric.kind(), metric.minInvestmentWan(), metric.projectCategory(), metric.industry(),
                from, to, unit);
    }

    private static Figure figure(String code, String name, String kind, TargetMetric metric, BigDecimal target,
            BigDecimal actual, int projects) {
        BigDecimal completion = target == null || target.signum() <= 0 ? null
                : actual.divide(target, 4, RoundingMode.HALF_UP);
        return new Figure(code, name, kind, metric.code(), metric.name(), metric.unitLabel(), target,
                plain(actual), completion, projects);
    }

    /** 3 rather than 3.00, 1500.5 rather than 1500.50. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A label for a unit kind code ("" for the county). */
    public static String kindLabel(String kind) {
        if (kind == null || kind.isEmpty()) {
            return "";
        }
        try {
            return UnitKind.valueOf(kind).label();
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }
}
