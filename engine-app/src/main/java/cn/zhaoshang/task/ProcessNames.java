package cn.zhaoshang.task;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.WithoutAuthorization;

/**
 * Process keys and their Chinese names (the BPMN process names, e.g. 落地审批), for lists and filters. A deployed
 * definition never changes, so what was read once is kept; the names are no secret, so they are read as the system.
 */
@Component
public class ProcessNames {

    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final Map<String, Definition> byId = new ConcurrentHashMap<>();

    ProcessNames(RepositoryService repositoryService, IdentityService identityService) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    public record Definition(String id, String key, String name, String deploymentId) {
    }

    Map<String, Definition> of(Collection<String> definitionIds) {
        Set<String> missing = new HashSet<>(definitionIds);
        missing.removeAll(byId.keySet());
        if (!missing.isEmpty()) {
            WithoutAuthorization.run(identityService, () -> repositoryService.createProcessDefinitionQuery()
                    .processDefinitionIdIn(missing.toArray(String[]::new)).unlimitedList())
                    .forEach(definition -> byId.put(definition.getId(), definition(definition)));
        }
        Map<String, Definition> found = new LinkedHashMap<>();
        definitionIds.forEach(id -> {
            if (byId.containsKey(id)) {
                found.put(id, byId.get(id));
            }
        });
        return found;
    }

    Definition of(String definitionId) {
        return of(Set.of(definitionId)).get(definitionId);
    }

    /** key → Chinese name of every deployed process (latest version), in the order of their names. */
    public Map<String, String> all() {
        Map<String, String> names = new LinkedHashMap<>();
        WithoutAuthorization.run(identityService, () -> repositoryService.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionName().asc().unlimitedList())
                .forEach(definition -> names.put(definition.getKey(), nameOf(definition)));
        return names;
    }

    private static Definition definition(ProcessDefinition definition) {
        return new Definition(definition.getId(), definition.getKey(), nameOf(definition), definition.getDeploymentId());
    }

    private static String nameOf(ProcessDefinition definition) {
        return definition.getName() != null ? definition.getName() : definition.getKey();
    }
}
