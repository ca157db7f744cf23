package cn.zhaoshang.governance;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Element;

import cn.zhaoshang.security.AuditAction;
import cn.zhaoshang.security.AuditEntry;
import cn.zhaoshang.security.AuditLog;
import cn.zhaoshang.system.ApiException;

/**
 * The versions of each process for administrators (docs/governance.md): who deployed each (the audit log's
 * {@code DEPLOYMENT_CREATED}), when, from where, how many instances run on it; the diff between two versions; and
 * the roll-back, which re-deploys an earlier version's model (with the forms it binds) as the newest version — through
 * the same deployment checks as any deployment, audited as {@link AuditAction#PROCESS_ROLLED_BACK}.
 */
@Service
public class ProcessVersions {

    static final String ROLLBACK_SOURCE = "回滚 / roll-back";

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final AuditLog audit;
    private final ObjectMapper json = new ObjectMapper();

    ProcessVersions(RepositoryService repositoryService, RuntimeService runtimeService, HistoryService historyService,
            AuditLog audit) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.audit = audit;
    }

    public record ProcessSummary(String key, String name, int latestVersion, int versions, long runningInstances) {
    }

    public record Version(String definitionId, String key, String name, int version, boolean latest,
            String deploymentId, String deploymentName, String resourceName, Instant deployedAt, String deployedBy,
            String source, long runningInstances, long finishedInstances) {
    }

    public record Diff(String key, int fromVersion, int toVersion, List<ModelDiff.ElementInfo> added,
            List<ModelDiff.ElementInfo> removed, List<ModelDiff.ChangedElement> changed) {
    }

    public record RolledBack(String key, int fromVersion, int newVersion, String definitionId, String deploymentId,
            List<String> resources) {
    }

    /** Every process key with its latest version and running instances, by name. */
    public List<ProcessSummary> processes() {
        List<ProcessSummary> processes = new ArrayList<>();
        for (ProcessDefinition latest : repositoryService.createProcessDefinitionQuery().latestVersion().unlimitedList()) {
            long versions = repositoryService.createProcessDefinitionQuery().processDefinitionKey(latest.getKey()).count();
            long running = runtimeService.createProcessInstanceQuery().processDefinitionKey(latest.getKey()).count();
            processes.add(new ProcessSummary(latest.getKey(), nameOf(latest), latest.getVersion(), (int) versions, running));
        }
        processes.sort(Comparator.comparing(ProcessSummary::key));
        return processes;
    }

    /** The versions of a process, newest first. */
    public List<Version> versions(String key) {
        List<ProcessDefinition> definitions = definitions(key);
        Set<String> deploymentIds = new LinkedHashSet<>();
        definitions.forEach(d -> deploymentIds.add(d.getDeploymentId()));
        Map<String, AuditEntry> deployers = audit.deployments(deploymentIds);
        int latest = definitions.get(0).getVersion();
        List<Version> versions = new ArrayList<>();
        for (ProcessDefinition d : definitions) {
            Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(d.getDeploymentId())
                    .singleResult();
            AuditEntry deployed = deployers.get(d.getDeploymentId());
            long running = runtimeService.createProcessInstanceQuery().processDefinitionId(d.getId()).count();
            long finished = historyService.createHistoricProcessInstanceQuery().processDefinitionId(d.getId())
                    .finished().count();
            versions.add(new Version(d.getId(), d.getKey(), nameOf(d), d.getVersion(), d.getVersion() == latest,
                    d.getDeploymentId(), deployment == null ? null : deployment.getName(), d.getResourceName(),
                    deployment == null || deployment.getDeploymentTime() == null ? null
                            : deployment.getDeploymentTime().toInstant(),
                    deployed == null ? "—" : deployed.actor(), deployment == null ? null : deployment.getSource(),
                    running, finished));
        }
        return versions;
    }

    public ProcessDefinition definition(String key, int version) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw ApiException.notFound("流程 " + key + " 没有第 " + version + " 版 / Process " + key + " has no version "
                    + version);
        }
        return definition;
    }

    public Diff diff(String key, int from, int to) {
        ProcessDefinition before = definition(key, from);
        ProcessDefinition after = definition(key, to);
        ModelDiff.Result result = ModelDiff.of(model(before), model(after));
        return new Diff(key, from, to, result.added(), result.removed(), result.changed());
    }

    /**
     * Re-deploys the model of {@code version} (and the Camunda Forms of its deployment that it references by
     * {@code camunda:formRef}) as a new, newest version. Running instances stay where they are; migrate them
     * separately if they should move.
     */
    @Transactional
    public RolledBack rollBack(String key, int version) {
        ProcessDefinition old = definition(key, version);
        int before = definitions(key).get(0).getVersion();
        if (version == before) {
            throw ApiException.conflict("ALREADY_LATEST", "第 " + version + " 版已是最新版本，无需回滚 / Version " + version
                    + " is already the newest");
        }
        List<String> resources = new ArrayList<>();
        resources.add(old.getResourceName());
        Set<String> formIds = formRefs(model(old));
        for (String resource : repositoryService.getDeploymentResourceNames(old.getDeploymentId())) {
            if (ModelXml.isForm(resource) && formIds.contains(formId(old.getDeploymentId(), resource))) {
                resources.add(resource);
            }
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name("回滚 " + key + " 至第 " + version + " 版 / roll back " + key + " to version " + version)
                .source(ROLLBACK_SOURCE);
        resources.forEach(resource -> builder.addDeploymentResourceByName(old.getDeploymentId(), resource));
        var deployed = builder.deployWithResult();
        ProcessDefinition now = deployed.getDeployedProcessDefinitions().stream().filter(d -> d.getKey().equals(key))
                .findFirst().orElseThrow();
        audit.record(AuditAction.PROCESS_ROLLED_BACK, deployed.getId(), "流程 / process " + key + "：第 " + version
                + " 版（部署 " + old.getDeploymentId() + "）重新部署为第 " + now.getVersion() + " 版 / version " + version
                + " re-deployed as version " + now.getVersion() + "；资源 / resources " + resources);
        return new RolledBack(key, version, now.getVersion(), now.getId(), deployed.getId(), resources);
    }

    byte[] model(ProcessDefinition definition) {
        try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(),
                definition.getResourceName())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String formId(String deploymentId, String resource) {
        try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource)) {
            return json.readTree(in).path("id").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Set<String> formRefs(byte[] bpmn) {
        Set<String> ids = new LinkedHashSet<>();
        ModelXml.parse(bpmn).ifPresent(doc -> {
            for (Element e : ModelXml.descendants(doc.getDocumentElement())) {
                String ref = ModelXml.camunda(e, "formRef");
                if (ref != null) {
                    ids.add(ref);
                }
            }
        });
        return ids;
    }

    private List<ProcessDefinition> definitions(String key) {
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().desc().unlimitedList();
        if (definitions.isEmpty()) {
            throw ApiException.notFound("没有流程 " + key + " / No process " + key);
        }
        return definitions;
    }

    private static String nameOf(ProcessDefinition definition) {
        return definition.getName() == null ? definition.getKey() : definition.getName();
    }

    /** version → definition id, for the pages' selectors. */
    public Map<Integer, String> definitionIds(String key) {
        Map<Integer, String> ids = new LinkedHashMap<>();
        definitions(key).forEach(d -> ids.put(d.getVersion(), d.getId()));
        return ids;
    }
}
