package cn.zhaoshang.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Everything a deployment is checked against before it is accepted (docs/governance.md): the deployment rule
 * ({@link ModelRules}: no scripts, allowed beans only) and every {@link ModelCheck} of the app. The engine's first
 * deployer ({@link DeploymentGuard}) and the dry run ({@code POST /api/admin/deployments/check}) both call
 * {@link #check}, so they report the same problems. Must run inside an engine command.
 */
@Component
public class DeploymentChecks {

    private final ModelRules rules;
    private final ObjectProvider<ModelCheck> checks;

    DeploymentChecks(ModelBeans modelBeans, ObjectProvider<ModelCheck> checks) {
        this.rules = new ModelRules(new ExpressionRules(modelBeans));
        this.checks = checks;
    }

    /** All problems of the resources (name → content) deployed together, in resource order, rule problems first. */
    public List<ModelRules.Violation> check(Map<String, byte[]> resources) {
        Map<String, byte[]> readable = new LinkedHashMap<>();
        List<ModelRules.Violation> violations = new ArrayList<>();
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            List<ModelRules.Violation> found = rules.check(resource.getKey(), resource.getValue());
            violations.addAll(found);
            if (found.stream().noneMatch(v -> v.rule().equals("XML") || v.rule().equals("RESOURCE_TYPE"))) {
                readable.put(resource.getKey(), resource.getValue());
            }
        }
        checks.orderedStream().forEach(check -> violations.addAll(check.check(readable)));
        List<ModelRules.Violation> ordered = new ArrayList<>();
        for (String name : resources.keySet()) {
            violations.stream().filter(v -> v.resource().equals(name)).forEach(ordered::add);
        }
        violations.stream().filter(v -> !resources.containsKey(v.resource())).forEach(ordered::add);
        return ordered;
    }
}
