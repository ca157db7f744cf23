package cn.zhaoshang.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.security.AuditAction;
import cn.zhaoshang.security.AuditLog;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.ShownText;
import cn.zhaoshang.system.WithoutAuthorization;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitMapper;

import static cn.zhaoshang.target.Targets.Var;

/**
 * Target plans: the investment center drafts the decomposition of a year's county targets to units, or a later
 * adjustment with its reason; Process_TargetDecomposition takes it to the county head; on approval the targets take
 * effect and every change is recorded (target_change: old, new, reason, who drafted, who approved) and audited.
 *
 * <p>chenzhou-2017 §1: 目标任务分解到各县市区、园区…每年年初…对上述目标任务分解作微调，报请市委、市政府审定后…下发实施 —
 * so an adjustment goes through the same approval as the decomposition; nothing changes a target in effect without it.
 */
@Service
public class TargetPlans {

    static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000");

    private final TargetMapper targets;
    private final UnitMapper units;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final AuditLog audit;

    TargetPlans(TargetMapper targets, UnitMapper units, RuntimeService runtimeService, IdentityService identityService,
            AuditLog audit) {
        this.targets = targets;
        this.units = units;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.audit = audit;
    }

    /** What the center submits: the year, the kind, the reason (required for an adjustment) and the figures. */
    public record Draft(Integer year, String kind, String reason, List<PlanItem> items) {
    }

    /** Validates the draft, stores it and starts its approval; 409 while another plan of the year is open. */
    @Transactional
    public TargetPlan submit(Draft draft, String actor) {
        List<PlanItem> items = validate(draft);
        if (TargetPlan.DECOMPOSITION.equals(draft.kind()) && !targets.findTargets(draft.year()).isEmpty()) {
            throw ApiException.conflict("TARGETS_IN_EFFECT", draft.year() + " 年的目标任务已生效，请提交调整方案 / The targets "
                    + "of " + draft.year() + " are in effect: submit an adjustment");
        }
        if (TargetPlan.ADJUSTMENT.equals(draft.kind()) && targets.findTargets(draft.year()).isEmpty()) {
            throw ApiException.conflict("NO_TARGETS_IN_EFFECT", draft.year() + " 年还没有生效的目标任务，请先提交分解方案 / No "
                    + "targets of " + draft.year() + " are in effect yet: submit the decomposition first");
        }
        TargetMapper.NewPlan row = new TargetMapper.NewPlan(draft.year(), draft.kind(), clean(draft.reason()), actor,
                EngineClock.now());
        try {
            targets.insertPlan(row);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("PLAN_OPEN", draft.year() + " 年已有一个方案在审定或退回修改中 / Another plan of "
                    + draft.year() + " is waiting for approval or revision");
        }
        long planId = row.getId();
        items.forEach(item -> targets.insertItem(planId, item));
        TargetPlan plan = targets.findPlan(planId).orElseThrow();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(Var.PLAN_ID, planId);
        variables.put(Var.YEAR, draft.year());
        variables.put(Var.PLAN_KIND, draft.kind());
        variables.put(Var.PLAN_SUMMARY, summary(plan, items));
        String instance = WithoutAuthorization.run(identityService, () -> runtimeService
                .startProcessInstanceByKey(Targets.PROCESS_KEY, String.valueOf(planId), variables).getId());
        targets.attachProcess(planId, instance);
        return targets.findPlan(planId).orElseThrow();
    }

    /** The center changes a returned plan's figures (and reason) before resubmitting it. */
    @Transactional
    public TargetPlan revise(long planId, Draft draft) {
        TargetPlan plan = targets.findPlan(planId).orElseThrow(() -> ApiException.notFound("目标任务方案 " + planId
                + " 不存在 / Target plan " + planId + " not found"));
        if (!TargetPlan.RETURNED.equals(plan.status())) {
            throw ApiException.conflict("PLAN_NOT_RETURNED", "只有县长退回的方案可以修改 / Only a returned plan can be revised");
        }
        List<PlanItem> items = validate(new Draft(plan.planYear(), plan.kind(), draft.reason() == null ? plan.reason()
                : draft.reason(), draft.items()));
        targets.deleteItems(planId);
        items.forEach(item -> targets.insertItem(planId, item));
        if (draft.reason() != null) {
            targets.updateReason(planId, clean(draft.reason()));
        }
        TargetPlan revised = targets.findPlan(planId).orElseThrow();
        WithoutAuthorization.run(identityService, () -> {
            runtimeService.setVariable(plan.processInstanceId(), Var.PLAN_SUMMARY, summary(revised, items));
            return null;
        });
        return revised;
    }

    /** On approval (ApplyTargetsDelegate): every figure of the plan takes effect; each change recorded and audited. */
    @Transactional
    public int apply(long planId) {
        TargetPlan plan = targets.findPlan(planId).orElseThrow();
        Instant now = EngineClock.now();
        int changed = 0;
        for (PlanItem item : targets.findItems(planId)) {
            String unit = item.unitCode() == null ? UnitTarget.COUNTY : item.unitCode();
            Optional<UnitTarget> before = targets.findTarget(plan.planYear(), unit, item.metricCode());
            if (before.isPresent() && before.get().targetValue().compareTo(item.targetValue()) == 0) {
                continue;
            }
            if (before.isPresent()) {
                targets.updateTarget(plan.planYear(), unit, item.metricCode(), item.targetValue(), planId, now);
            } else {
                targets.insertTarget(plan.planYear(), unit, item.metricCode(), item.targetValue(), planId, now);
            }
            targets.insertChange(new TargetChange(0, plan.planYear(), unit, item.metricCode(),
                    before.map(UnitTarget::targetValue).orElse(null), item.targetValue(),
                    plan.reason() == null ? plan.kindLabel() : plan.reason(), planId, plan.draftedBy(), plan.decidedBy(),
                    now));
            changed++;
        }
        audit.record(plan.decidedBy() == null ? AuditLog.SYSTEM : plan.decidedBy(), AuditAction.TARGETS_APPROVED,
                "target-plan " + planId, plan.planYear() + " 年" + plan.kindLabel() + "生效，变更 " + changed + " 项"
                        + (plan.reason() == null ? "" : "；理由：" + plan.reason()));
        return changed;
    }

    /** The plan as the county head reads it on the approval form. */
    public String summary(TargetPlan plan, List<PlanItem> items) {
        Map<String, TargetMetric> metrics = new LinkedHashMap<>();
        targets.findMetrics().forEach(m -> metrics.put(m.code(), m));
        Map<String, String> unitNames = new LinkedHashMap<>();
        units.findAll().forEach(u -> unitNames.put(u.code(), u.name()));
        StringBuilder text = new StringBuilder();
        text.append(plan.planYear()).append(" 年").append(plan.kindLabel());
        if (plan.reason() != null) {
            text.append("\n理由：").append(plan.reason());
        }
        Map<String, List<PlanItem>> byUnit = new LinkedHashMap<>();
        items.stream().filter(i -> i.unitCode() == null).forEach(i -> byUnit.computeIfAbsent("", k -> new ArrayList<>()).add(i));
        items.stream().filter(i -> i.unitCode() != null)
                .forEach(i -> byUnit.computeIfAbsent(i.unitCode(), k -> new ArrayList<>()).add(i));
        byUnit.forEach((unit, rows) -> {
            text.append('\n').append(unit.isEmpty() ? "全县" : unitNames.getOrDefault(unit, unit)).append("：");
            for (int i = 0; i < rows.size(); i++) {
                PlanItem item = rows.get(i);
                TargetMetric metric = metrics.get(item.metricCode());
                text.append(i > 0 ? "；" : "").append(metric == null ? item.metricCode() : metric.name()).append(' ')
                        .append(Progress.plain(item.targetValue()).toPlainString())
                        .append(metric == null ? "" : metric.unitLabel());
                Optional<UnitTarget> before = targets.findTarget(plan.planYear(), unit, item.metricCode());
                before.filter(b -> b.targetValue().compareTo(item.targetValue()) != 0).ifPresent(b -> text.append("（原 ")
                        .append(Progress.plain(b.targetValue()).toPlainString()).append("）"));
            }
        });
        return ShownText.fit(text.toString(), "共 " + items.size() + " 项，全部见“目标考核 › 目标任务方案”中的方案 #"
                + plan.id());
    }

    private List<PlanItem> validate(Draft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.year() == null || draft.year() < 2000 || draft.year() > 2100) {
            errors.add(new FieldError("year", "请填写年度（2000–2100）/ year must be between 2000 and 2100"));
        }
        if (!TargetPlan.DECOMPOSITION.equals(draft.kind()) && !TargetPlan.ADJUSTMENT.equals(draft.kind())) {
            errors.add(new FieldError("kind", "方案类型只能是 DECOMPOSITION（分解）或 ADJUSTMENT（调整）/ kind must be "
                    + "DECOMPOSITION or ADJUSTMENT"));
        }
        String reason = clean(draft.reason());
        if (TargetPlan.ADJUSTMENT.equals(draft.kind()) && reason == null) {
            errors.add(new FieldError("reason", "调整目标任务须写明理由 / an adjustment needs its reason"));
        }
        if (reason != null && reason.length() > 2000) {
            errors.add(new FieldError("reason", "理由不超过 2000 字 / reason: at most 2000 characters"));
        }
        List<PlanItem> items = draft.items() == null ? List.of() : draft.items();
        if (items.isEmpty()) {
            errors.add(new FieldError("items", "请至少填写一项目标 / at least one target is needed"));
        }
        if (items.size() > 2000) {
            errors.add(new FieldError("items", "目标不超过 2000 项 / at most 2000 targets"));
        }
        Set<String> seen = new HashSet<>();
        List<PlanItem> clean = new ArrayList<>();
        for (int i = 0; i < items.size() && items.size() <= 2000; i++) {
            PlanItem item = items.get(i);
            String at = "items[" + i + "]";
            if (item == null) {
                errors.add(new FieldError(at, "缺少内容 / missing"));
                continue;
            }
            String unit = item.unitCode() == null || item.unitCode().isBlank() ? null : item.unitCode().strip();
            if (unit != null && units.findByCode(unit).filter(Unit::active).isEmpty()) {
                errors.add(new FieldError(at + ".unitCode", "单位 " + unit + " 不存在或已停用 / unknown unit"));
            }
            Optional<TargetMetric> metric = item.metricCode() == null ? Optional.empty()
                    : targets.findMetric(item.metricCode().strip()).filter(TargetMetric::active);
            if (metric.isEmpty()) {
                errors.add(new FieldError(at + ".metricCode", "指标 " + item.metricCode() + " 不存在或已停用 / unknown metric"));
            }
            BigDecimal value = item.targetValue();
            if (value == null || value.signum() < 0 || value.compareTo(MAX_VALUE) >= 0 || value.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError(at + ".targetValue", "目标值须为不小于 0 的数，最多两位小数 / targetValue: a number ≥ 0 "
                        + "with at most 2 decimals"));
            } else if (metric.isPresent() && !"万元".equals(metric.get().unitLabel())
                    && value.stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError(at + ".targetValue", "项目个数须为整数 / a count must be a whole number"));
            }
            if (!seen.add(unit + "\u0000" + item.metricCode())) {
                errors.add(new FieldError(at, "同一单位同一指标重复 / the same unit and metric twice"));
            }
            if (metric.isPresent() && value != null) {
                clean.add(new PlanItem(unit, metric.get().code(), value));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return clean;
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
