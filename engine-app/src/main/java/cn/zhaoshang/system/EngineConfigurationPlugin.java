package cn.zhaoshang.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine settings that application.yaml cannot express: members of the {@code admin} role group are engine
 * administrators (deploy, redesign), next to Camunda's own {@code camunda-admin}.
 */
@Component
class EngineConfigurationPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> adminGroups = new ArrayList<>(List.of(Groups.CAMUNDA_ADMIN, Groups.ADMIN));
        configuration.setAdminGroups(adminGroups);
    }
}
