package cn.zhaoshang.appeal;

import cn.zhaoshang.system.EngineClock;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.appeal.EnterpriseAppeal.Var;

/** 登记诉求: stores the request or complaint (business key = appeal id); invalid input is refused with 400. */
@Component(EnterpriseAppeal.Bean.REGISTER_APPEAL)
class RegisterAppealDelegate implements JavaDelegate {

    private final AppealMapper appeals;
    private final IdentityService identityService;

    RegisterAppealDelegate(AppealMapper appeals, IdentityService identityService) {
        this.appeals = appeals;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<FieldError> errors = new ArrayList<>();
        String kind = FormValues.text(execution.getVariable(Var.KIND));
        if (!"REQUEST".equals(kind) && !"COMPLAINT".equals(kind)) {
            errors.add(new FieldError(Var.KIND, "请选择诉求（REQUEST）或投诉（COMPLAINT）/ kind must be REQUEST or COMPLAINT"));
        }
        String company = FormValues.text(execution.getVariable(Var.COMPANY_NAME));
        FormValues.requireText(errors, Var.COMPANY_NAME, company, 200, "企业名称");
        String subject = FormValues.text(execution.getVariable(Var.SUBJECT));
        FormValues.requireText(errors, Var.SUBJECT, subject, 200, "事项");
        String content = FormValues.text(execution.getVariable(Var.OPINION));
        FormValues.requireText(errors, Var.OPINION, content, 4000, "具体内容");
        Object projectId = execution.getVariable(Var.PROJECT_ID);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        NewAppeal appeal = new NewAppeal();
        appeal.setProjectId(projectId instanceof Number n ? n.longValue() : null);
        appeal.setCompanyName(company);
        appeal.setKind(kind);
        appeal.setSubject(subject);
        appeal.setContent(content);
        appeal.setSubmittedBy(Actors.current(identityService, null));
        appeal.setProcessInstanceId(execution.getProcessInstanceId());
        appeal.setCreatedAt(EngineClock.now());
        appeals.insert(appeal);
        execution.setProcessBusinessKey(String.valueOf(appeal.getId()));
        execution.setVariable(Var.APPEAL_ID, appeal.getId());
    }
}
