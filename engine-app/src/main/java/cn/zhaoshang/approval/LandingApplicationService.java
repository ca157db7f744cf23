package cn.zhaoshang.approval;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;

/** Starts a landing approval; the project row, the tier and the first task are created in one transaction. */
@Service
public class LandingApplicationService {

    private final RuntimeService runtimeService;

    public LandingApplicationService(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** The engine's current authentication (the caller) becomes the applicant. */
    @Transactional
    public Submitted submit(LandingApplication application) {
        List<FieldError> errors = LandingApplicationValidator.validate(application);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Map<String, Object> variables = ApplicationVariables.all(LandingApplicationValidator.normalise(application));
        try {
            ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(LandingApproval.PROCESS_KEY)
                    .setVariables(variables)
                    .executeWithVariablesInReturn();
            return new Submitted(((Number) instance.getVariables().get(LandingApproval.Var.PROJECT_ID)).longValue(),
                    instance.getId(), (String) instance.getVariables().get(LandingApproval.Var.TIER));
        } catch (InvalidApplicationException e) {
            throw ApiException.validation(e.errors());
        }
    }

    /** The variables a Camunda Form would bind for this application (used for a resubmission). */
    public static Map<String, Object> formVariables(LandingApplication application) {
        return ApplicationVariables.all(LandingApplicationValidator.normalise(application));
    }

    public record Submitted(long projectId, String processInstanceId, String tier) {
    }
}
