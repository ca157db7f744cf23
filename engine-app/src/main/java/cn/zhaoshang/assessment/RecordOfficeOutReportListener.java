package cn.zhaoshang.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.assessment.Assessment.Var;

/**
 * 报送离岗招商情况 (tongcheng §28): on create the task shows the unit, its figures and the deadline; on complete the day
 * the head left, where to and the plan are recorded, and a report after the deadline is recorded as late.
 */
@Component(Assessment.Bean.RECORD_OFFICE_OUT)
class RecordOfficeOutReportListener implements TaskListener {

    private final ActionForms forms;
    private final AssessmentMapper mapper;
    private final IdentityService identityService;

    RecordOfficeOutReportListener(ActionForms forms, AssessmentMapper mapper, IdentityService identityService) {
        this.forms = forms;
        this.mapper = mapper;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        AssessmentAction action = forms.action(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            forms.fill(task, action);
            task.setVariableLocal(Var.REPORT_DUE_ON, action.dueAt() == null ? null
                    : action.dueAt().atZone(EngineClock.BEIJING).toLocalDate().toString());
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate departedOn = FormValues.date(task.getVariable(Var.DEPARTED_ON), Var.DEPARTED_ON, errors);
        if (departedOn == null && errors.isEmpty()) {
            errors.add(new FieldError(Var.DEPARTED_ON, "请填写离岗日期 / departedOn is required"));
        } else if (departedOn != null && departedOn.isAfter(EngineClock.today().plusDays(30))) {
            errors.add(new FieldError(Var.DEPARTED_ON, "离岗日期不能晚于 30 天后 / departedOn more than 30 days ahead"));
        }
        String destination = FormValues.text(task.getVariable(Var.DESTINATION));
        String record = FormValues.text(task.getVariable(Var.RECORD));
        FormValues.requireText(errors, Var.DESTINATION, destination, 500, "去向");
        FormValues.requireText(errors, Var.RECORD, record, 4000, "离岗招商安排及情况");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = EngineClock.now();
        boolean late = action.late() || (action.dueAt() != null && now.isAfter(action.dueAt()));
        if (mapper.complete(action.id(), departedOn, destination, record, null, late,
                Actors.current(identityService, task.getAssignee()), now) != 1) {
            throw new InvalidInputException(Var.RECORD, "该离岗招商情况已报送 / This report is filed already");
        }
    }
}
