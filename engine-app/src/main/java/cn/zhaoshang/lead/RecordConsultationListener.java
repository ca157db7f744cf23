package cn.zhaoshang.lead;

import cn.zhaoshang.system.EngineClock;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.lead.LeadScreening.Var;

/**
 * On 书面征询意见. {@code create}: links the task to its request row. {@code complete}: the department's answer with
 * its written opinion (both required) is stored once; an answer after the due date is accepted and shows as late.
 */
@Component(LeadScreening.Bean.RECORD_CONSULTATION)
class RecordConsultationListener implements TaskListener {

    static final int MAX_OPINION_LENGTH = 2000;

    private final LeadMapper leads;
    private final ConsultationMapper consultations;
    private final LeadLedger ledger;
    private final IdentityService identityService;

    RecordConsultationListener(LeadMapper leads, ConsultationMapper consultations, LeadLedger ledger,
            IdentityService identityService) {
        this.leads = leads;
        this.consultations = consultations;
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        long leadId = LeadVariables.leadId(task);
        String department = (String) task.getVariable(Var.DEPARTMENT);
        int round = leads.findById(leadId).orElseThrow().getConsultationRound();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // the answer variables live in this department's branch only, so parallel answers never mix
            task.getExecution().setVariableLocal(Var.ANSWER, null);
            task.getExecution().setVariableLocal(Var.OPINION, null);
            consultations.linkTask(leadId, round, department, task.getId());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            record(task, leadId, round, department);
        }
    }

    private void record(DelegateTask task, long leadId, int round, String department) {
        List<FieldError> errors = new ArrayList<>();
        ConsultationAnswer answer = FormValues.parseEnum(ConsultationAnswer.class,
                FormValues.text(task.getVariable(Var.ANSWER)));
        if (answer == null) {
            errors.add(new FieldError(Var.ANSWER, "请选择同意、有条件同意或不同意 / answer must be AGREE, "
                    + "AGREE_WITH_CONDITIONS or DISAGREE"));
        }
        String opinion = FormValues.text(task.getVariable(Var.OPINION));
        FormValues.requireText(errors, Var.OPINION, opinion, MAX_OPINION_LENGTH, "书面意见");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String actor = Actors.current(identityService, task.getAssignee());
        ConsultationOpinion request = consultations.find(leadId, round, department).orElseThrow();
        if (consultations.answer(leadId, round, department, answer.name(), opinion, actor, EngineClock.now()) != 1) {
            throw new InvalidInputException(Var.ANSWER, "该部门已答复本轮征询 / This department has already answered");
        }
        boolean late = EngineClock.now().isAfter(request.dueAt());
        ledger.note(leadId, "CONSULTATION_ANSWERED", actor, request.departmentName() + "：" + answer.label()
                + (late ? "（逾期答复）" : "") + "。" + opinion);
    }
}
