package cn.zhaoshang.appeal;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static cn.zhaoshang.appeal.EnterpriseAppeal.Var;

/**
 * 企业诉求/投诉 recorded by an official (tongcheng §22 受理): starts Process_EnterpriseAppeal, whose registration checks
 * the input and fixes the answer deadline. Used by the REST API and the demo data.
 */
@Service
public class AppealService {

    private final RuntimeService runtimeService;
    private final AppealMapper appeals;

    AppealService(RuntimeService runtimeService, AppealMapper appeals) {
        this.runtimeService = runtimeService;
        this.appeals = appeals;
    }

    /** @param kind REQUEST 诉求 | COMPLAINT 投诉; {@code projectId} may be null. */
    @Transactional
    public Appeal submit(Long projectId, String companyName, String kind, String subject, String content) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.PROJECT_ID, projectId);
        variables.put(Var.COMPANY_NAME, companyName);
        variables.put(Var.KIND, kind);
        variables.put(Var.SUBJECT, subject);
        // the start form's field for the content is the opinion (copied to content by the registration)
        variables.put(Var.OPINION, content);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(EnterpriseAppeal.PROCESS_KEY, variables);
        return appeals.findById(Long.parseLong(instance.getBusinessKey())).orElseThrow();
    }
}
