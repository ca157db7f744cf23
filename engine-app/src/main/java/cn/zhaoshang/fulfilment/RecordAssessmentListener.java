package cn.zhaoshang.fulfilment;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.fulfilment.Fulfilment.Var;

/** On 履约评估 ({@code complete}): the outcome with its reasons, recorded in the project's ledger. */
@Component(Fulfilment.Bean.RECORD_ASSESSMENT)
class RecordAssessmentListener implements TaskListener {

    private final ProjectLedger ledger;
    private final IdentityService identityService;

    RecordAssessmentListener(ProjectLedger ledger, IdentityService identityService) {
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        Assessment assessment = FormValues.parseEnum(Assessment.class, FormValues.text(task.getVariable(Var.ASSESSMENT)));
        if (assessment == null) {
            errors.add(new FieldError(Var.ASSESSMENT, "评估结论只能是 COMPLIANT、UNDERPERFORMING 或 SERIOUS_BREACH / "
                    + "assessment must be COMPLIANT, UNDERPERFORMING or SERIOUS_BREACH"));
        }
        String opinion = FormValues.text(task.getVariable(Var.OPINION));
        FormValues.requireText(errors, Var.OPINION, opinion, 4000, "评估意见");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ledger.note(((Number) task.getVariable(Var.PROJECT_ID)).longValue(), "FULFILMENT_ASSESSED",
                Actors.current(identityService, task.getAssignee()), "履约评估：" + assessment.label() + "。" + opinion);
    }
}
