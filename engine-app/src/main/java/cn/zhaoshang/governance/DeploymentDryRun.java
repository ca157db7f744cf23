package cn.zhaoshang.governance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Service;

import cn.zhaoshang.security.DeploymentChecks;
import cn.zhaoshang.security.DeploymentProblem;
import cn.zhaoshang.security.ModelRules;

/**
 * The dry run of a deployment: the same checks the engine's first deployer runs ({@link DeploymentChecks}), inside an
 * engine command that deploys nothing.
 */
@Service
public class DeploymentDryRun {

    private final ProcessEngine engine;
    private final DeploymentChecks checks;

    DeploymentDryRun(ProcessEngine engine, DeploymentChecks checks) {
        this.engine = engine;
        this.checks = checks;
    }

    /** The answer of the dry run and of a refused deployment through /api: every problem at once. */
    public record Report(int status, String error, String message, boolean accepted, List<String> resources,
            List<DeploymentProblem> problems) {

        static Report of(List<String> resources, List<ModelRules.Violation> violations) {
            boolean accepted = violations.isEmpty();
            return new Report(accepted ? 200 : 400, accepted ? null : "DEPLOYMENT_REFUSED", accepted
                    ? "检查通过，可以部署 / All checks passed: the deployment would be accepted"
                    : "模型未通过部署检查（" + violations.size() + " 个问题），部署时会被拒绝 / The deployment would be refused: "
                            + violations.size() + " problems", accepted, resources,
                    violations.stream().map(DeploymentProblem::of).toList());
        }
    }

    public Report check(Map<String, byte[]> resources) {
        Map<String, byte[]> ordered = new LinkedHashMap<>(resources);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        List<ModelRules.Violation> violations = configuration.getCommandExecutorTxRequired()
                .execute(context -> checks.check(ordered));
        return Report.of(List.copyOf(ordered.keySet()), violations);
    }
}
