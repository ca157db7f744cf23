package cn.zhaoshang.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by {@link DeploymentChecks}: a Camunda {@link ParseException} with one resource report per
 * resource that has problems (Camunda Modeler shows them), and every problem at once in {@link #violations()}
 * (the REST answer's {@code problems}: resource, element id, kind, message).
 */
public class DeploymentRefusedException extends ParseException {

    private final transient List<ModelRules.Violation> violations;

    public DeploymentRefusedException(List<ModelRules.Violation> violations) {
        super(message(violations), violations.get(0).resource(), List.of(), List.of());
        this.violations = List.copyOf(violations);
        Map<String, List<Problem>> byResource = new LinkedHashMap<>();
        for (ModelRules.Violation v : violations) {
            byResource.computeIfAbsent(v.resource(), r -> new ArrayList<>()).add(new RuleProblem(v));
        }
        List<ResourceReport> reports = new ArrayList<>();
        byResource.forEach((resource, problems) -> reports.add(new Report(resource, problems)));
        this.resorceReports = reports;
    }

    public List<ModelRules.Violation> violations() {
        return violations;
    }

    static String message(List<ModelRules.Violation> violations) {
        return "模型未通过部署安全检查，未部署（" + violations.size() + " 个问题）/ The model failed the deployment security "
                + "check and was not deployed (" + violations.size() + " problems; docs/security.md, "
                + "docs/governance.md):\n" + violations.stream().map(ModelRules.Violation::describe)
                        .collect(Collectors.joining("\n"));
    }

    private record Report(String resourceName, List<Problem> errors) implements ResourceReport {

        @Override
        public String getResourceName() {
            return resourceName;
        }

        @Override
        public List<Problem> getErrors() {
            return errors;
        }

        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
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
