package cn.zhaoshang.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhaoshang.appeal.EnterpriseAppeal;
import cn.zhaoshang.incentive.IncentiveClaim;
import cn.zhaoshang.lead.LeadScreening;

/**
 * The processes an official starts from the workbench (报送线索, 登记诉求) and their start forms. Who may start which is
 * the engine's CREATE_INSTANCE grant (system.IdentitySetup, changeable in Camunda Admin), asked as the caller, so the
 * menu and the page agree with what the engine will allow.
 */
@Component
class StartForms {

    /** A process the workbench starts: its key, the page path and the title people know. */
    enum Startable {
        LEAD(LeadScreening.PROCESS_KEY, "/leads/new", "报送线索"),
        APPEAL(EnterpriseAppeal.PROCESS_KEY, "/appeals/new", "登记企业诉求"),
        INCENTIVE(IncentiveClaim.PROCESS_KEY, "/incentives/new", "登记奖励申报");

        final String processKey;
        final String path;
        final String title;

        Startable(String processKey, String path, String title) {
            this.processKey = processKey;
            this.path = path;
            this.title = title;
        }

        public String path() {
            return path;
        }

        public String title() {
            return title;
        }
    }

    private final RepositoryService repositoryService;
    private final FormService formService;
    private final ObjectMapper json;

    StartForms(RepositoryService repositoryService, FormService formService, ObjectMapper json) {
        this.repositoryService = repositoryService;
        this.formService = formService;
        this.json = json;
    }

    /** The latest definition of the process if the engine's current authentication may start it. */
    Optional<ProcessDefinition> startable(Startable process) {
        return Optional.ofNullable(repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(process.processKey).latestVersion().active().startablePermissionCheck()
                .singleResult());
    }

    /** The Camunda Form bound to the start event (camunda:formRef), as deployed with the definition. */
    Optional<CamundaForm> form(ProcessDefinition definition) {
        try (InputStream source = formService.getDeployedStartForm(definition.getId())) {
            return Optional.of(CamundaForm.parse(json, new String(source.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            // a model redesigned without a start form: the page says so instead of failing
            return Optional.empty();
        }
    }
}
