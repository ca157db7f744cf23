package cn.zhaoshang.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * The engine's first deployer: every new deployment — Camunda Modeler and REST, the Cockpit, the Java API, the
 * app's own auto-deployment at start-up — passes {@link ModelRules} before the BPMN parser sees it. A refusal is a
 * {@link ParseException} naming each resource, element id, line and rule (REST: 400 with those details), and is
 * audited as {@link AuditAction#DEPLOYMENT_REFUSED}. Deployments read back from the database (a cold cache) are not
 * checked again: they were checked when they were made.
 */
class DeploymentGuard implements Deployer {

    private final ModelRules rules;
    private final AuditLog audit;

    DeploymentGuard(ModelRules rules, AuditLog audit) {
        this.rules = rules;
        this.audit = audit;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        List<ModelRules.Violation> violations = new ArrayList<>();
        for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
            violations.addAll(rules.check(resource.getKey(), resource.getValue().getBytes()));
        }
        if (violations.isEmpty()) {
            return;
        }
        String summary = violations.stream().map(ModelRules.Violation::describe).collect(Collectors.joining("\n"));
        audit.recordRefusal(AuditAction.DEPLOYMENT_REFUSED, deployment.getName(),
                DeploymentAudit.describe(deployment) + "\n" + summary);
        String first = violations.get(0).resource();
        List<Problem> problems = violations.stream().filter(v -> v.resource().equals(first))
                .<Problem>map(RuleProblem::new).toList();
        throw new ParseException("模型未通过部署安全检查，未部署 / The model failed the deployment security check and was "
                + "not deployed (docs/security.md):\n" + summary, first, problems, List.of());
    }

    /** A violation as Camunda's REST API reports parse problems (message, line, column, element ids). */
    private record RuleProblem(ModelRules.Violation violation) implements Problem {

        @Override
        public String getMessage() {
            return "[" + violation.rule() + "] " + violation.message();
        }

        @Override
        public int getLine() {
            return violation.line();
        }

        @Override
        public int getColumn() {
            return violation.column();
        }

        @Override
        public String getMainElementId() {
            return violation.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return violation.elementId() == null ? List.of() : List.of(violation.elementId());
        }
    }
}
