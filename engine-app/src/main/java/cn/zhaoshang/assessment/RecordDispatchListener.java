package cn.zhaoshang.assessment;

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

/** 县长季度调度 ({@code complete}): the county head's instructions, recorded with the quarter's figures. */
@Component(Assessment.Bean.RECORD_DISPATCH)
class RecordDispatchListener implements TaskListener {

    private final AssessmentMapper mapper;
    private final IdentityService identityService;

    RecordDispatchListener(AssessmentMapper mapper, IdentityService identityService) {
        this.mapper = mapper;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String instructions = FormValues.text(task.getVariable(Var.INSTRUCTIONS));
        List<FieldError> errors = new ArrayList<>();
        FormValues.requireText(errors, Var.INSTRUCTIONS, instructions, 4000, "调度意见");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = ((Number) task.getVariable(Var.DISPATCH_ID)).longValue();
        if (mapper.dispatch(id, instructions, Actors.current(identityService, task.getAssignee()), EngineClock.now()) != 1) {
            throw new InvalidInputException(Var.INSTRUCTIONS, "本季度已调度 / This quarter is dispatched already");
        }
    }
}
