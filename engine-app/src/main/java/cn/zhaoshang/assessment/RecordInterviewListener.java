package cn.zhaoshang.assessment;

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
 * 约谈单位主要负责人 (tongcheng §28): on create the task shows the unit and its figures; on complete the interview's
 * date, participants, record and the measures agreed are recorded on the action.
 */
@Component(Assessment.Bean.RECORD_INTERVIEW)
class RecordInterviewListener implements TaskListener {

    private final ActionForms forms;
    private final AssessmentMapper mapper;
    private final IdentityService identityService;

    RecordInterviewListener(ActionForms forms, AssessmentMapper mapper, IdentityService identityService) {
        this.forms = forms;
        this.mapper = mapper;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        AssessmentAction action = forms.action(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            forms.fill(task, action);
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate heldOn = FormValues.pastDate(task.getVariable(Var.HELD_ON), Var.HELD_ON, "约谈日期", errors);
        String participants = FormValues.text(task.getVariable(Var.PARTICIPANTS));
        String record = FormValues.text(task.getVariable(Var.RECORD));
        String measures = FormValues.text(task.getVariable(Var.MEASURES));
        FormValues.requireText(errors, Var.PARTICIPANTS, participants, 500, "参加人员");
        FormValues.requireText(errors, Var.RECORD, record, 4000, "约谈记录");
        FormValues.requireText(errors, Var.MEASURES, measures, 2000, "整改措施");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (mapper.complete(action.id(), heldOn, participants, record, measures, false,
                Actors.current(identityService, task.getAssignee()), EngineClock.now()) != 1) {
            throw new InvalidInputException(Var.RECORD, "该约谈已记录 / This interview is recorded already");
        }
    }
}
