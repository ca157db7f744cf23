package cn.zhaoshang.appeal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectMapper;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.appeal.EnterpriseAppeal.Var;

/**
 * 登记诉求: stores the request or complaint (business key = appeal id) with its answer deadline, 7 working days from
 * receipt (chenzhou §15), fixed here once; invalid input is refused with 400.
 */
@Component(EnterpriseAppeal.Bean.REGISTER_APPEAL)
class RegisterAppealDelegate implements JavaDelegate {

    private final AppealMapper appeals;
    private final ProjectMapper projects;
    private final AppealDeadlines deadlines;
    private final IdentityService identityService;

    RegisterAppealDelegate(AppealMapper appeals, ProjectMapper projects, AppealDeadlines deadlines,
            IdentityService identityService) {
        this.appeals = appeals;
        this.projects = projects;
        this.deadlines = deadlines;
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
        Long projectId = execution.getVariable(Var.PROJECT_ID) instanceof Number n ? n.longValue() : null;
        // the appeal's ledger events name the project too, so it must be one
        if (projectId != null && projects.findById(projectId).isEmpty()) {
            errors.add(new FieldError(Var.PROJECT_ID, "关联项目 " + projectId + " 不存在 / project " + projectId + " not found"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate dueOn = deadlines.answerDueOn(EngineClock.today());
        NewAppeal appeal = new NewAppeal();
        appeal.setProjectId(projectId);
        appeal.setCompanyName(company);
        appeal.setKind(kind);
        appeal.setSubject(subject);
        appeal.setContent(content);
        appeal.setSubmittedBy(Actors.current(identityService, null));
        appeal.setProcessInstanceId(execution.getProcessInstanceId());
        appeal.setCreatedAt(EngineClock.now());
        appeal.setAnswerDueOn(dueOn);
        appeals.insert(appeal);
        execution.setProcessBusinessKey(String.valueOf(appeal.getId()));
        execution.setVariable(Var.APPEAL_ID, appeal.getId());
        execution.setVariable(Var.ANSWER_DUE_AT, AppealDeadlines.endOf(dueOn));
    }
}
