package cn.zhaoshang.fulfilment;

import cn.zhaoshang.system.EngineClock;
import java.time.LocalDate;
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

/** On 记录履约节点 ({@code complete}): the milestone due now, the date it was reached (not in the future) and the evidence. */
@Component(Fulfilment.Bean.RECORD_MILESTONE)
class RecordMilestoneListener implements TaskListener {

    private final MilestoneMapper milestones;
    private final ProjectLedger ledger;
    private final IdentityService identityService;

    RecordMilestoneListener(MilestoneMapper milestones, ProjectLedger ledger, IdentityService identityService) {
        this.milestones = milestones;
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        long agreementId = ((Number) task.getVariable(Var.AGREEMENT_ID)).longValue();
        long projectId = ((Number) task.getVariable(Var.PROJECT_ID)).longValue();
        String expected = (String) task.getVariable(Var.NEXT_MILESTONE);
        List<FieldError> errors = new ArrayList<>();
        String milestone = FormValues.text(task.getVariable(Var.MILESTONE));
        if (milestone != null && !milestone.equals(expected)) {
            errors.add(new FieldError(Var.MILESTONE, "当前应登记「" + Milestone.label(expected) + "」/ the milestone due now is "
                    + expected));
        }
        LocalDate reachedOn = FormValues.pastDate(task.getVariable(Var.REACHED_ON), Var.REACHED_ON, "达成日期", errors);
        String evidence = FormValues.text(task.getVariable(Var.EVIDENCE));
        FormValues.requireText(errors, Var.EVIDENCE, evidence, 2000, "佐证材料说明");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String actor = Actors.current(identityService, task.getAssignee());
        if (milestones.reach(agreementId, expected, reachedOn, evidence, actor, EngineClock.now()) != 1) {
            throw new InvalidInputException(Var.MILESTONE, "该节点已登记 / This milestone is already recorded");
        }
        ledger.note(projectId, "MILESTONE_REACHED", actor, Milestone.label(expected) + "（" + reachedOn + "）：" + evidence);
    }
}
