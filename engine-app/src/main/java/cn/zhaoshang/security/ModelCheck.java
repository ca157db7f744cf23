package cn.zhaoshang.security;

import java.util.List;
import java.util.Map;

/**
 * A check of a whole deployment besides the deployment rule ({@link ModelRules}): the product's own checks of what a
 * model refers to (groups, forms, beans, decision inputs, element ids the code names — {@code governance/ModelChecks}).
 * Every Spring bean implementing it is asked by {@link DeploymentChecks}, at every deployment and by the dry run, inside
 * an engine command ({@code Context.getCommandContext()} is set), with all resources of the deployment at once. It must
 * not depend on engine beans: the app's own models are deployed while the engine is being built.
 */
public interface ModelCheck {

    /** Every problem found; resources that are not readable models are left to the rule and the engine's parser. */
    List<ModelRules.Violation> check(Map<String, byte[]> resources);
}
