package cn.zhaoshang.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * The engine's first deployer: every new deployment — Camunda Modeler and REST, the Cockpit, the Java API, the
 * app's own auto-deployment at start-up, a roll-back — passes {@link DeploymentChecks} (the deployment rule and the
 * product's model checks) before the BPMN parser sees it. A refusal is a {@link DeploymentRefusedException} (a
 * Camunda {@code ParseException}) naming every problem: resource, element id, line and kind (REST: 400 with those
 * details), and is audited as {@link AuditAction#DEPLOYMENT_REFUSED}. Deployments read back from the database (a cold
 * cache) are not checked again: they were checked when they were made.
 */
class DeploymentGuard implements Deployer {

    private final DeploymentChecks checks;
    private final AuditLog audit;

    DeploymentGuard(DeploymentChecks checks, AuditLog audit) {
        this.checks = checks;
        this.audit = audit;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
            resources.put(resource.getKey(), resource.getValue().getBytes());
        }
        List<ModelRules.Violation> violations = checks.check(resources);
        if (violations.isEmpty()) {
            return;
        }
        String summary = violations.stream().map(ModelRules.Violation::describe).collect(Collectors.joining("\n"));
        audit.recordRefusal(AuditAction.DEPLOYMENT_REFUSED, deployment.getName(),
                DeploymentAudit.describe(deployment) + "\n" + summary);
        throw new DeploymentRefusedException(violations);
    }
}
