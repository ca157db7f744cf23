package cn.zhaoshang.governance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import cn.zhaoshang.security.DeploymentRefusedException;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Callers;
import cn.zhaoshang.system.Groups;

/**
 * Model governance over REST, administrators only (docs/governance.md):
 * <pre>
 * POST /api/admin/deployments/check                    multipart, like /engine-rest/deployment/create: the dry run
 * GET  /api/admin/processes                            every process: latest version, versions, running instances
 * GET  /api/admin/processes/{key}/versions             versions: deployed by, when, instances per version
 * GET  /api/admin/processes/{key}/diff?from=&amp;to=       elements added, removed, changed
 * POST /api/admin/processes/{key}/versions/{v}/rollback re-deploy version v as the newest
 * POST /api/admin/migrations/plan                      {sourceDefinitionId, targetDefinitionId}: generated plan
 * POST /api/admin/migrations/validate                  {plan}: Camunda's report per instruction
 * POST /api/admin/migrations/preview                   {plan, processInstanceIds?}: which instances can move, why not
 * POST /api/admin/migrations                           {plan, processInstanceIds?}: run as a batch → 202
 * GET  /api/admin/migrations/{id}                      per instance: migrated / failed (why) / waiting / skipped (why)
 * </pre>
 */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class GovernanceController {

    static final String ADMINS_ONLY = "只有系统管理员可以管理流程版本 / Only administrators manage process versions";

    private final DeploymentDryRun dryRun;
    private final ProcessVersions versions;
    private final ProcessMigrations migrations;

    GovernanceController(DeploymentDryRun dryRun, ProcessVersions versions, ProcessMigrations migrations) {
        this.dryRun = dryRun;
        this.versions = versions;
        this.migrations = migrations;
    }

    /** A plan and what to do with it; {@code skipCustomListeners}/{@code skipIoMappings} default to true. */
    record MigrationRequest(ProcessMigrations.Plan plan, List<String> processInstanceIds, Boolean skipCustomListeners,
            Boolean skipIoMappings) {
    }

    record PlanRequest(String sourceDefinitionId, String targetDefinitionId) {
    }

    @PostMapping(path = "/deployments/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DeploymentDryRun.Report check(MultipartHttpServletRequest request, Authentication caller) throws IOException {
        requireAdmin(caller);
        return dryRun.check(files(request));
    }

    static Map<String, byte[]> files(MultipartHttpServletRequest request) throws IOException {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (List<MultipartFile> files : request.getMultiFileMap().values()) {
            for (MultipartFile file : files) {
                String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? file.getName() : file.getOriginalFilename();
                resources.put(name, file.getBytes());
            }
        }
        if (resources.isEmpty()) {
            throw ApiException.validation(List.of(new FieldError("file", "请上传至少一个模型文件（.bpmn .dmn .form）/ Upload "
                    + "at least one model file")));
        }
        return resources;
    }

    @GetMapping("/processes")
    List<ProcessVersions.ProcessSummary> processes(Authentication caller) {
        requireAdmin(caller);
        return versions.processes();
    }

    @GetMapping("/processes/{key}/versions")
    List<ProcessVersions.Version> versions(@PathVariable String key, Authentication caller) {
        requireAdmin(caller);
        return versions.versions(key);
    }

    @GetMapping("/processes/{key}/diff")
    ProcessVersions.Diff diff(@PathVariable String key, @RequestParam int from, @RequestParam int to,
            Authentication caller) {
        requireAdmin(caller);
        return versions.diff(key, from, to);
    }

    @PostMapping("/processes/{key}/versions/{version}/rollback")
    ResponseEntity<ProcessVersions.RolledBack> rollBack(@PathVariable String key, @PathVariable int version,
            Authentication caller) {
        requireAdmin(caller);
        return ResponseEntity.status(HttpStatus.CREATED).body(versions.rollBack(key, version));
    }

    @PostMapping("/migrations/plan")
    ProcessMigrations.Generated plan(@RequestBody PlanRequest request, Authentication caller) {
        requireAdmin(caller);
        return migrations.generate(request.sourceDefinitionId(), request.targetDefinitionId());
    }

    @PostMapping("/migrations/validate")
    ProcessMigrations.Validation validate(@RequestBody MigrationRequest request, Authentication caller) {
        requireAdmin(caller);
        return migrations.validate(plan(request));
    }

    @PostMapping("/migrations/preview")
    ProcessMigrations.Preview preview(@RequestBody MigrationRequest request, Authentication caller) {
        requireAdmin(caller);
        return migrations.preview(plan(request), request.processInstanceIds(), skip(request.skipCustomListeners()),
                skip(request.skipIoMappings()));
    }

    @PostMapping("/migrations")
    ResponseEntity<ProcessMigrations.Started> migrate(@RequestBody MigrationRequest request, Authentication caller) {
        requireAdmin(caller);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(migrations.execute(plan(request),
                request.processInstanceIds(), skip(request.skipCustomListeners()), skip(request.skipIoMappings())));
    }

    @GetMapping("/migrations/{id}")
    ProcessMigrations.Report report(@PathVariable long id, Authentication caller) {
        requireAdmin(caller);
        return migrations.report(id);
    }

    /** A roll-back the deployment checks refuse: the same report as the dry run, 400. */
    @ExceptionHandler(DeploymentRefusedException.class)
    ResponseEntity<DeploymentDryRun.Report> refused(DeploymentRefusedException e) {
        return ResponseEntity.badRequest().body(DeploymentDryRun.Report.of(new ArrayList<>(
                e.violations().stream().map(v -> v.resource()).distinct().toList()), e.violations()));
    }

    private static ProcessMigrations.Plan plan(MigrationRequest request) {
        if (request == null || request.plan() == null) {
            throw ApiException.validation(List.of(new FieldError("plan", "缺少迁移计划 / The plan is missing")));
        }
        return request.plan();
    }

    private static boolean skip(Boolean value) {
        return value == null || value;
    }

    static void requireAdmin(Authentication caller) {
        Callers.requireAnyGroup(caller, ADMINS_ONLY, Groups.ADMIN, Groups.CAMUNDA_ADMIN);
    }
}
