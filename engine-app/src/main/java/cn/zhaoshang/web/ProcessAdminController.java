package cn.zhaoshang.web;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zhaoshang.governance.DeploymentDryRun;
import cn.zhaoshang.governance.ProcessMigrations;
import cn.zhaoshang.governance.ProcessMigrations.Instruction;
import cn.zhaoshang.governance.ProcessMigrations.Plan;
import cn.zhaoshang.governance.ProcessVersions;
import cn.zhaoshang.security.DeploymentProblem;
import cn.zhaoshang.security.DeploymentRefusedException;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;

/**
 * 流程版本管理 (/admin/processes, administrators only; docs/governance.md): the processes with their versions (who
 * deployed each, when, instances on it), the diff of a version against another, roll-back with a confirmation page,
 * the migration of running instances — the generated plan as instruction rows the administrator adjusts (pairs added
 * and removed through the form), Camunda's validation per instruction, the preview of which instances would move and
 * why the others cannot, the batch — and its per-instance report, and the dry-run check of an upload. Everything is
 * done by the governance services the REST API uses; the plan being edited travels in the form's hidden fields.
 */
@Controller
@RequestMapping("/admin/processes")
class ProcessAdminController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(EngineClock.BEIJING);
    private static final Map<String, String> OUTCOMES = Map.of(
            ProcessMigrations.InstanceOutcome.MIGRATED, "已迁移",
            ProcessMigrations.InstanceOutcome.FAILED, "迁移失败",
            ProcessMigrations.InstanceOutcome.WAITING, "排队中",
            ProcessMigrations.InstanceOutcome.SKIPPED, "无法迁移，未迁移",
            ProcessMigrations.InstanceOutcome.ENDED, "迁移前已结束");

    private final ProcessVersions versions;
    private final ProcessMigrations migrations;
    private final DeploymentDryRun dryRun;
    private final RepositoryService repositoryService;

    ProcessAdminController(ProcessVersions versions, ProcessMigrations migrations, DeploymentDryRun dryRun,
            RepositoryService repositoryService) {
        this.versions = versions;
        this.migrations = migrations;
        this.dryRun = dryRun;
        this.repositoryService = repositoryService;
    }

    /** A version as its row shows it. */
    record VersionRow(int version, boolean latest, String definitionId, String deployedBy, String deployedAt,
            String deploymentName, String source, long running, long finished) {
    }

    /** An activity of a version for the plan's selectors and labels. */
    record Activity(String id, String label) {
    }

    /** One instruction row: the pair, its labels and Camunda's failures for it (after 校验). */
    record InstructionRow(int index, String source, String sourceLabel, String target, String targetLabel,
            boolean updateEventTrigger, List<String> failures) {
    }

    record MigrationRow(long id, String fromTo, String startedBy, String startedAt, String counts, boolean finished) {
    }

    @GetMapping
    ModelAndView list() {
        return new ModelAndView("admin/processes").addObject("processes", versions.processes());
    }

    @GetMapping("/{key}")
    ModelAndView process(@PathVariable String key) {
        List<ProcessVersions.Version> all = versions.versions(key);
        List<VersionRow> rows = all.stream().map(v -> new VersionRow(v.version(), v.latest(), v.definitionId(),
                v.deployedBy(), time(v.deployedAt()), v.deploymentName(), v.source(), v.runningInstances(),
                v.finishedInstances())).toList();
        int latest = all.get(0).version();
        // the migration form proposes the newest older version that still has instances, to the latest
        int from = all.stream().filter(v -> !v.latest() && v.runningInstances() > 0).mapToInt(ProcessVersions.Version::version)
                .findFirst().orElse(all.size() > 1 ? all.get(1).version() : latest);
        List<MigrationRow> done = migrations.reports(key).stream().map(r -> new MigrationRow(r.migrationId(),
                "第 " + r.sourceVersion() + " 版 → 第 " + r.targetVersion() + " 版", r.startedBy(), time(r.startedAt()),
                counts(r.counts()), r.batchFinished())).toList();
        return new ModelAndView("admin/process").addObject("key", key).addObject("name", all.get(0).name())
                .addObject("versions", rows).addObject("latest", latest).addObject("from", from)
                .addObject("migrations", done);
    }

    @GetMapping("/{key}/diff")
    ModelAndView diff(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
        ProcessVersions.Diff diff = versions.diff(key, from, to);
        return new ModelAndView("admin/diff").addObject("key", key).addObject("diff", diff)
                .addObject("name", versions.versions(key).get(0).name());
    }

    @GetMapping("/{key}/versions/{version}/rollback")
    ModelAndView confirmRollBack(@PathVariable String key, @PathVariable int version) {
        ProcessVersions.Version shown = versions.versions(key).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> ApiException.notFound("流程 " + key + " 没有第 " + version + " 版 / No version " + version));
        if (shown.latest()) {
            throw ApiException.conflict("ALREADY_LATEST", "第 " + version + " 版已是最新版本，无需回滚 / already the newest");
        }
        return new ModelAndView("admin/rollback").addObject("key", key).addObject("version", version)
                .addObject("name", shown.name()).addObject("latest", versions.versions(key).get(0).version())
                .addObject("diff", versions.diff(key, versions.versions(key).get(0).version(), version));
    }

    @PostMapping("/{key}/versions/{version}/rollback")
    ModelAndView rollBack(@PathVariable String key, @PathVariable int version, RedirectAttributes flash) {
        try {
            ProcessVersions.RolledBack done = versions.rollBack(key, version);
            flash.addFlashAttribute("notice", "已将第 " + version + " 版重新部署为第 " + done.newVersion()
                    + " 版（最新版本）。新发起的流程按第 " + done.newVersion() + " 版办理；运行中的流程仍在原版本，如需可迁移。");
            return new ModelAndView("redirect:/admin/processes/" + key);
        } catch (DeploymentRefusedException e) {
            flash.addFlashAttribute("problem", "回滚未通过部署检查，未部署：" + e.violations().stream()
                    .map(v -> Chinese.of(v.message())).reduce((a, b) -> a + "；" + b).orElse(""));
            return new ModelAndView("redirect:/admin/processes/" + key);
        }
    }

    @GetMapping("/{key}/migration")
    ModelAndView generate(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
        String source = versions.definition(key, from).getId();
        String target = versions.definition(key, to).getId();
        ProcessMigrations.Generated generated = migrations.generate(source, target);
        return migrationPage(key, generated.plan(), null, null)
                .addObject("notice", "已按相同的环节 id 生成迁移计划（" + generated.plan().instructions().size()
                        + " 条指令）。请检查未映射的环节，必要时添加或删除指令，然后校验并预览。");
    }

    /**
     * One form, several buttons: 添加 (a pair), 删除 (row n), 校验, 预览, 执行迁移. The plan comes back in the hidden
     * fields {@code source}, {@code target}, {@code trigger}, aligned by position.
     */
    @PostMapping("/{key}/migration")
    ModelAndView migration(@PathVariable String key, @RequestParam String sourceDefinitionId,
            @RequestParam String targetDefinitionId, @RequestParam(required = false) List<String> source,
            @RequestParam(required = false) List<String> target, @RequestParam(required = false) List<String> trigger,
            @RequestParam(required = false) String addSource, @RequestParam(required = false) String addTarget,
            @RequestParam(required = false) String addTrigger, @RequestParam(required = false) Integer remove,
            @RequestParam(defaultValue = "validate") String action) {
        List<Instruction> instructions = new ArrayList<>();
        int n = source == null ? 0 : source.size();
        if ((target == null ? 0 : target.size()) != n || (trigger != null && trigger.size() != n)) {
            throw ApiException.validation(List.of(new FieldError("instructions",
                    "迁移计划不完整，请重新生成 / The plan is incomplete")));
        }
        for (int i = 0; i < n; i++) {
            if (remove == null || remove != i) {
                instructions.add(new Instruction(source.get(i), target.get(i),
                        trigger != null && Boolean.parseBoolean(trigger.get(i))));
            }
        }
        Plan plan = new Plan(sourceDefinitionId, targetDefinitionId, instructions);
        requireProcess(key, plan);
        if (remove != null) {
            return migrationPage(key, plan, null, null).addObject("notice", "已删除第 " + (remove + 1) + " 条指令。");
        }
        switch (action) {
            case "add" -> {
                if (addSource == null || addSource.isBlank() || addTarget == null || addTarget.isBlank()) {
                    return migrationPage(key, plan, null, null).addObject("problem", "请选择源环节和目标环节后再添加。");
                }
                List<Instruction> more = new ArrayList<>(instructions);
                more.add(new Instruction(addSource, addTarget, "true".equals(addTrigger)));
                return migrationPage(key, new Plan(sourceDefinitionId, targetDefinitionId, more), null, null)
                        .addObject("notice", "已添加指令 " + addSource + " → " + addTarget + "。请校验。");
            }
            case "preview" -> {
                ProcessMigrations.Preview preview = migrations.preview(plan, null, true, true);
                return migrationPage(key, plan, preview.validation(), preview);
            }
            case "execute" -> {
                ProcessMigrations.Validation validation = migrations.validate(plan);
                if (!validation.valid()) {
                    return migrationPage(key, plan, validation, null).addObject("problem",
                            "迁移计划未通过校验，未执行。请按每条指令旁的提示修改。");
                }
                ProcessMigrations.Started started = migrations.execute(plan, null, true, true);
                return new ModelAndView("redirect:/admin/processes/" + key + "/migrations/" + started.migrationId());
            }
            default -> {
                ProcessMigrations.Validation validation = migrations.validate(plan);
                return migrationPage(key, plan, validation, null);
            }
        }
    }

    @GetMapping("/{key}/migrations/{id}")
    ModelAndView report(@PathVariable String key, @PathVariable long id) {
        ProcessMigrations.Report report = migrations.report(id);
        if (!report.processKey().equals(key)) {
            throw ApiException.notFound("没有这次迁移 / No such migration " + id);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.putAll(activities(report.sourceDefinitionId()));
        labels.putAll(activities(report.targetDefinitionId()));
        return new ModelAndView("admin/migration-report").addObject("key", key).addObject("report", report)
                .addObject("startedAt", time(report.startedAt())).addObject("counts", counts(report.counts()))
                .addObject("outcomes", OUTCOMES).addObject("labels", labels);
    }

    @GetMapping("/deployment-check")
    ModelAndView checkForm() {
        return new ModelAndView("admin/deployment-check");
    }

    @PostMapping("/deployment-check")
    ModelAndView check(@RequestParam(name = "files", required = false) List<MultipartFile> files) throws IOException {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (!file.isEmpty()) {
                    String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                            ? file.getName() : file.getOriginalFilename();
                    resources.put(name, file.getBytes());
                }
            }
        }
        ModelAndView page = new ModelAndView("admin/deployment-check");
        if (resources.isEmpty()) {
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page.addObject("fileError", "请选择至少一个模型文件（.bpmn、.dmn 或 .form）。");
        }
        DeploymentDryRun.Report report = dryRun.check(resources);
        List<DeploymentProblem> problems = report.problems().stream().map(p -> new DeploymentProblem(p.resource(),
                p.elementId(), p.kind(), Chinese.of(p.message()), p.line())).toList();
        return page.addObject("report", report).addObject("problems", problems);
    }

    private ModelAndView migrationPage(String key, Plan plan, ProcessMigrations.Validation validation,
            ProcessMigrations.Preview preview) {
        Map<String, String> sourceActivities = activities(plan.sourceDefinitionId());
        Map<String, String> targetActivities = activities(plan.targetDefinitionId());
        List<InstructionRow> rows = new ArrayList<>();
        for (int i = 0; i < plan.instructions().size(); i++) {
            Instruction instruction = plan.instructions().get(i);
            List<String> failures = validation == null || i >= validation.instructions().size() ? List.of()
                    : validation.instructions().get(i).failures();
            rows.add(new InstructionRow(i, instruction.source(), sourceActivities.getOrDefault(instruction.source(),
                    instruction.source()), instruction.target(), targetActivities.getOrDefault(instruction.target(),
                    instruction.target()), instruction.updateEventTrigger(), failures));
        }
        Map<String, String> labels = new LinkedHashMap<>(sourceActivities);
        labels.putAll(targetActivities);
        return new ModelAndView("admin/migration").addObject("key", key).addObject("plan", plan)
                .addObject("fromVersion", version(plan.sourceDefinitionId()))
                .addObject("toVersion", version(plan.targetDefinitionId()))
                .addObject("name", versions.versions(key).get(0).name())
                .addObject("rows", rows).addObject("validation", validation).addObject("preview", preview)
                .addObject("unmapped", migrations.unmapped(plan).stream().map(id -> new Activity(id,
                        sourceActivities.getOrDefault(id, id))).toList())
                .addObject("sourceActivities", choices(sourceActivities))
                .addObject("targetActivities", choices(targetActivities)).addObject("labels", labels);
    }

    /** The plan's versions must be versions of the process of the page. */
    private void requireProcess(String key, Plan plan) {
        Map<Integer, String> ids = versions.definitionIds(key);
        if (!ids.containsValue(plan.sourceDefinitionId()) || !ids.containsValue(plan.targetDefinitionId())) {
            throw ApiException.validation(List.of(new FieldError("sourceDefinitionId",
                    "迁移计划的版本不属于流程 " + key + " / The plan's versions are not versions of " + key)));
        }
    }

    private int version(String definitionId) {
        return repositoryService.getProcessDefinition(definitionId).getVersion();
    }

    /** id → "name（id）" of every flow node of a version, in model order. */
    private Map<String, String> activities(String definitionId) {
        Map<String, String> activities = new LinkedHashMap<>();
        for (FlowNode node : repositoryService.getBpmnModelInstance(definitionId).getModelElementsByType(FlowNode.class)) {
            String name = node.getName() == null || node.getName().isBlank() ? node.getId() : node.getName();
            activities.put(node.getId(), name.equals(node.getId()) ? name : name + "（" + node.getId() + "）");
        }
        return activities;
    }

    private static List<Activity> choices(Map<String, String> activities) {
        return activities.entrySet().stream().map(e -> new Activity(e.getKey(), e.getValue())).toList();
    }

    private static String counts(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((outcome, n) -> parts.add(OUTCOMES.getOrDefault(outcome, outcome) + " " + n));
        return parts.isEmpty() ? "没有流程实例" : String.join("，", parts);
    }

    private static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }
}
