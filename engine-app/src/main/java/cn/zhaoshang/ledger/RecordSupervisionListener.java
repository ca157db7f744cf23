package cn.zhaoshang.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

/**
 * On completing a 督办 task ({@code complete}, any model; see {@link Supervision}): who supervised, what and the opinion
 * go into the ledger of the process's project and/or enterprise appeal, in the engine's transaction. Without an
 * opinion the completion is refused (400) and nothing is written. The model says what is supervised (its escalation
 * sets {@link Supervision#MATTER}), so this one listener serves every model.
 */
@Component(Supervision.RECORD_LISTENER)
class RecordSupervisionListener implements TaskListener {

    private final ProjectLedger ledger;
    private final IdentityService identityService;

    RecordSupervisionListener(ProjectLedger ledger, IdentityService identityService) {
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String opinion = FormValues.text(task.getVariable(Supervision.OPINION));
        List<FieldError> errors = new ArrayList<>();
        FormValues.requireText(errors, Supervision.OPINION, opinion, Supervision.OPINION_MAX_LENGTH, "督办意见");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // a model whose escalation forgot the matter still records the step that was supervised
        String matter = Objects.requireNonNullElse(FormValues.text(task.getVariable(Supervision.MATTER)), task.getName());
        ledger.noteOn(id(task.getVariable(Supervision.PROJECT_ID)), id(task.getVariable(Supervision.APPEAL_ID)),
                Supervision.SUPERVISED, Actors.current(identityService, task.getAssignee()),
                "督办事项：" + matter + "；督办意见：" + opinion);
    }

    private static Long id(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }
}
