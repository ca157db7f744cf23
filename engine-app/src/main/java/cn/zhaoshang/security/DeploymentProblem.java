package cn.zhaoshang.security;

/**
 * One problem of a refused (or dry-run) deployment as the REST answers list it: the resource, the element id
 * (null for the resource as a whole), the kind of problem (e.g. {@code UNKNOWN_CANDIDATE_GROUP}, {@code SCRIPT_TASK}),
 * the message in Chinese and English, and the line in the file (0 when unknown).
 */
public record DeploymentProblem(String resource, String elementId, String kind, String message, int line) {

    public static DeploymentProblem of(ModelRules.Violation violation) {
        return new DeploymentProblem(violation.resource(), violation.elementId(), violation.rule(), violation.message(),
                violation.line());
    }
}
