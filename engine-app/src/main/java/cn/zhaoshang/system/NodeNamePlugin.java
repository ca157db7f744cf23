package cn.zhaoshang.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A node of a cluster under its own name ({@code zhaoshang.cluster.node-name}, env {@code NODE_NAME}): the job
 * executor locks jobs as that node (ACT_RU_JOB.LOCK_OWNER_, instead of a random id) and the job log records it
 * (ACT_HI_JOB_LOG.HOSTNAME_), so an operator sees which node holds or ran a job — e.g. the locks of a node that died,
 * which the other nodes take over once they expire. Unset, Camunda's defaults stay.
 */
@Component
class NodeNamePlugin extends AbstractProcessEnginePlugin {

    private final String nodeName;

    NodeNamePlugin(@Value("${zhaoshang.cluster.node-name:}") String nodeName) {
        this.nodeName = nodeName == null ? "" : nodeName.strip();
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (nodeName.isEmpty()) {
            return;
        }
        configuration.setHostname(nodeName);
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(nodeName);
        }
    }
}
