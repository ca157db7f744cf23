package cn.zhaoshang.governance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;

/**
 * What is deployed already, read inside the engine command that checks a deployment (the deployer's or the dry
 * run's), without the caller's authorizations: the check must see every group and model, whoever deploys.
 */
final class DeployedModels {

    /** A deployed file: where it is, and its content. */
    record Deployed(String deploymentId, String resourceName, byte[] content, Integer version) {
    }

    private DeployedModels() {
    }

    private static <T> T read(Callable<T> query) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            throw new IllegalStateException("The deployment check runs inside an engine command");
        }
        return context.runWithoutAuthorization(query);
    }

    static Set<String> existingGroups(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return read(() -> Context.getProcessEngineConfiguration().getIdentityService().createGroupQuery()
                .groupIdIn(ids.toArray(String[]::new)).unlimitedList().stream().map(Group::getId)
                .collect(Collectors.toSet()));
    }

    static Optional<Deployed> latestProcess(String key) {
        return read(() -> Optional.ofNullable(Context.getCommandContext().getProcessDefinitionManager()
                .findLatestProcessDefinitionByKey(key)).map(DeployedModels::deployed));
    }

    static Optional<Deployed> latestDecision(String key) {
        return read(() -> Optional.ofNullable(Context.getCommandContext().getDecisionDefinitionManager()
                .findLatestDecisionDefinitionByKey(key)).map(DeployedModels::deployed));
    }

    static Optional<Deployed> latestForm(String key) {
        return read(() -> Optional.ofNullable(Context.getCommandContext().getCamundaFormDefinitionManager()
                .findLatestDefinitionByKey(key)).map(DeployedModels::deployed));
    }

    static Optional<Deployed> formOfDeployment(String deploymentId, String key) {
        return read(() -> Optional.ofNullable(Context.getCommandContext().getCamundaFormDefinitionManager()
                .findDefinitionByDeploymentAndKey(deploymentId, key)).map(DeployedModels::deployed));
    }

    static Optional<Deployed> form(String key, int version) {
        return read(() -> Optional.ofNullable(Context.getCommandContext().getCamundaFormDefinitionManager()
                .findDefinitionByKeyVersionAndTenantId(key, version, null)).map(DeployedModels::deployed));
    }

    /** The latest version of every process key. */
    static List<Deployed> latestProcesses() {
        return read(() -> Context.getProcessEngineConfiguration().getRepositoryService().createProcessDefinitionQuery()
                .latestVersion().unlimitedList().stream().map(DeployedModels::deployed).toList());
    }

    private static Deployed deployed(ResourceDefinition definition) {
        ResourceEntity resource = Context.getCommandContext().getResourceManager()
                .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
        return new Deployed(definition.getDeploymentId(), definition.getResourceName(),
                resource == null ? new byte[0] : resource.getBytes(), definition.getVersion());
    }
}
