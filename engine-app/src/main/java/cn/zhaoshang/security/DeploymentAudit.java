package cn.zhaoshang.security;

import java.util.TreeSet;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * The engine's last deployer: a deployment that every deployer accepted is audited in the deployment's own transaction
 * (who, when, which resources). A deployment that changed nothing (duplicate filtering) creates no deployment and no
 * row.
 */
class DeploymentAudit implements Deployer {

    private final AuditLog audit;

    DeploymentAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (deployment.isNew()) {
            audit.record(AuditAction.DEPLOYMENT_CREATED, deployment.getId(), describe(deployment));
        }
    }

    static String describe(DeploymentEntity deployment) {
        return "名称 / name: " + deployment.getName() + "；来源 / source: " + deployment.getSource() + "；资源 / resources: "
                + (deployment.getResources() == null ? "[]" : new TreeSet<>(deployment.getResources().keySet()));
    }
}
