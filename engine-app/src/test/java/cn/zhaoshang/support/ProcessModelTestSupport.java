package cn.zhaoshang.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the process model tests: each test class registers {@link #everyPathCovered()} (the in-memory engine of
 * process-test.cfg.xml, failing the class below 100 % coverage of its model), mocks its beans by name with
 * {@link Mocks} and moves the engine clock; the services are here, and mocks, clock and login are reset after each test.
 */
public abstract class ProcessModelTestSupport {

    protected ProcessEngine processEngine;
    protected RuntimeService runtimeService;
    protected TaskService taskService;
    protected ManagementService managementService;
    protected HistoryService historyService;

    protected static ProcessEngineCoverageExtension everyPathCovered() {
        return ProcessEngineCoverageExtension.builder()
                .configurationResource("process-test.cfg.xml")
                .assertClassCoverageAtLeast(1.0)
                .build();
    }

    /** The engine comes from the subclass's extension, which resolves it as a parameter. */
    @BeforeEach
    void engineServices(ProcessEngine engine) {
        processEngine = engine;
        init(engine);
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        managementService = engine.getManagementService();
        historyService = engine.getHistoryService();
    }

    /** The user tasks an instance went through, in order. */
    protected List<String> userTasksOf(ProcessInstance instance) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityType("userTask").orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    /** The task opens the Camunda Form with this id, bound to the deployment it came with. */
    protected void assertDeployedForm(Task task, String formId) throws IOException {
        Task withFormKey = taskService.createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult();
        assertThat(withFormKey.getCamundaFormRef().getKey()).isEqualTo(formId);
        assertThat(withFormKey.getCamundaFormRef().getBinding()).isEqualTo("deployment");
        try (InputStream deployed = processEngine.getFormService().getDeployedTaskForm(task.getId())) {
            assertThat(new String(deployed.readAllBytes(), StandardCharsets.UTF_8)).contains("\"" + formId + "\"");
        }
    }

    @AfterEach
    void resetMocksClockAndLogin() {
        Mocks.reset();
        ClockUtil.reset();
        processEngine.getIdentityService().clearAuthentication();
    }
}
