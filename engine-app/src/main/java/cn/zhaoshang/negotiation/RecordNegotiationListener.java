package cn.zhaoshang.negotiation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.approval.LandingApplication;
import cn.zhaoshang.approval.LandingApplicationValidator;
import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.negotiation.InspectionNegotiation.Var;

/**
 * On 考察洽谈. {@code create}: an empty form for the next entry. {@code complete}: an inspection or negotiation round
 * (date and summary required) is stored; a joint review opinion needs the opinion and a valid landing application;
 * not landed needs the reason. Invalid input is refused (400) and nothing is stored.
 */
@Component(InspectionNegotiation.Bean.RECORD_NEGOTIATION)
class RecordNegotiationListener implements TaskListener {

    static final List<String> ENTRY_FIELDS = List.of(Var.ENTRY, Var.HELD_ON, Var.PLACE, Var.PARTICIPANTS, Var.SUMMARY,
            Var.OPINION);

    private final NegotiationEntryMapper entries;
    private final ProjectLedger ledger;
    private final IdentityService identityService;

    RecordNegotiationListener(NegotiationEntryMapper entries, ProjectLedger ledger, IdentityService identityService) {
        this.entries = entries;
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            ENTRY_FIELDS.forEach(name -> task.getExecution().removeVariable(name));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task);
        }
    }

    private void complete(DelegateTask task) {
        List<FieldError> errors = new ArrayList<>();
        NegotiationStep step = FormValues.parseEnum(NegotiationStep.class, FormValues.text(task.getVariable(Var.ENTRY)));
        if (step == null) {
            throw new InvalidInputException(Var.ENTRY, "请选择考察、洽谈、签署考察联审意见或项目未落地 / entry must be INSPECTION, "
                    + "NEGOTIATION, JOINT_OPINION or NOT_LANDED");
        }
        long projectId = ((Number) task.getVariable(Var.PROJECT_ID)).longValue();
        String actor = Actors.current(identityService, task.getAssignee());
        String opinion = FormValues.text(task.getVariable(Var.OPINION));
        switch (step) {
            case INSPECTION, NEGOTIATION -> {
                LocalDate heldOn = FormValues.pastDate(task.getVariable(Var.HELD_ON), Var.HELD_ON, step.label() + "日期",
                        errors);
                String summary = FormValues.text(task.getVariable(Var.SUMMARY));
                FormValues.requireText(errors, Var.SUMMARY, summary, 4000, "情况摘要");
                String place = FormValues.text(task.getVariable(Var.PLACE));
                FormValues.limitText(errors, Var.PLACE, place, 200, "地点");
                String participants = FormValues.text(task.getVariable(Var.PARTICIPANTS));
                FormValues.limitText(errors, Var.PARTICIPANTS, participants, 1000, "参加人员");
                failOn(errors);
                entries.insert(new NegotiationEntry(null, projectId, step.name(), heldOn, place, participants, summary,
                        task.getId(), actor, EngineClock.now()));
                ledger.note(projectId, step.name() + "_RECORDED", actor, step.label() + "（" + heldOn
                        + (place == null ? "" : "，" + place) + "）：" + summary);
            }
            case JOINT_OPINION -> {
                FormValues.requireText(errors, Var.OPINION, opinion, 2000, "考察联审意见");
                LandingApplication application = LandingApplicationValidator.fromVariables(task.getVariables(), errors);
                errors.addAll(LandingApplicationValidator.validate(application));
                failOn(errors);
            }
            case NOT_LANDED -> {
                FormValues.requireText(errors, Var.OPINION, opinion, 2000, "未落地原因");
                failOn(errors);
            }
        }
    }

    private static void failOn(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
