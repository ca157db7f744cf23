package cn.zhaoshang.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's security hooks (docs/security.md), installed before the engine starts so they cover everything that
 * reaches it — REST, the webapps, the Java API and the app's own start-up:
 * <ul>
 * <li>deployers: {@link DeploymentGuard} first (the deployment rule and the model checks, {@link DeploymentChecks}),
 * {@link DeploymentAudit} last;</li>
 * <li>command interceptors inside the transaction: {@link QueryExpressionGuard} (expressions in queries) and
 * {@link AdminActionInterceptor} (administrators groups never empty, audit of identity and authorization changes);</li>
 * <li>expressions resolve only the beans of {@link ModelBeans}, so even a model deployed before the rule cannot reach
 * {@code runtimeService} or {@code dataSource}.</li>
 * </ul>
 */
@Component
class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;
    private final ModelBeans modelBeans;
    private final AdminGroups adminGroups;
    private final AuditLog audit;
    private final DeploymentChecks deploymentChecks;

    SecurityEnginePlugin(ApplicationContext applicationContext, ModelBeans modelBeans, AdminGroups adminGroups,
            AuditLog audit, DeploymentChecks deploymentChecks) {
        this.applicationContext = applicationContext;
        this.modelBeans = modelBeans;
        this.adminGroups = adminGroups;
        this.audit = audit;
        this.deploymentChecks = deploymentChecks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreDeployers(prepend(configuration.getCustomPreDeployers(),
                new DeploymentGuard(deploymentChecks, audit)));
        configuration.setCustomPostDeployers(append(configuration.getCustomPostDeployers(), new DeploymentAudit(audit)));

        List<CommandInterceptor> required = new ArrayList<>(nullToEmpty(configuration.getCustomPostCommandInterceptorsTxRequired()));
        required.add(new QueryExpressionGuard());
        required.add(new AdminActionInterceptor(adminGroups, audit));
        configuration.setCustomPostCommandInterceptorsTxRequired(required);
        List<CommandInterceptor> requiresNew = new ArrayList<>(nullToEmpty(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
        requiresNew.add(new QueryExpressionGuard());
        requiresNew.add(new AdminActionInterceptor(adminGroups, audit));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(requiresNew);

        Map<Object, Object> beans = modelBeans.asExpressionBeans();
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(applicationContext, beans));
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<Deployer> prepend(List<Deployer> existing, Deployer first) {
        List<Deployer> deployers = new ArrayList<>();
        deployers.add(first);
        deployers.addAll(nullToEmpty(existing));
        return deployers;
    }

    private static List<Deployer> append(List<Deployer> existing, Deployer last) {
        List<Deployer> deployers = new ArrayList<>(nullToEmpty(existing));
        deployers.add(last);
        return deployers;
    }
}
