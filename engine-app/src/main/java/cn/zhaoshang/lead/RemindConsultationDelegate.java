package cn.zhaoshang.lead;

import cn.zhaoshang.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.notification.Notifier;
import cn.zhaoshang.system.Actors;

import static cn.zhaoshang.lead.LeadScreening.Var;

/** 征询催办: a department's opinion is overdue; the department is reminded and the ledger records it. */
@Component(LeadScreening.Bean.REMIND_CONSULTATION)
class RemindConsultationDelegate implements JavaDelegate {

    private final LeadMapper leads;
    private final ConsultationMapper consultations;
    private final LeadLedger ledger;
    private final Notifier notifier;

    RemindConsultationDelegate(LeadMapper leads, ConsultationMapper consultations, LeadLedger ledger,
            Notifier notifier) {
        this.leads = leads;
        this.consultations = consultations;
        this.ledger = ledger;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        String department = (String) execution.getVariable(Var.DEPARTMENT);
        Lead lead = leads.findById(leadId).orElseThrow();
        int round = lead.getConsultationRound();
        ConsultationOpinion request = consultations.find(leadId, round, department).orElseThrow();
        consultations.markReminded(leadId, round, department, EngineClock.now());
        String text = "线索 #" + leadId + "（" + lead.getCompanyName() + " · " + lead.getProjectName()
                + "）的书面征询意见已逾期，请尽快答复。";
        notifier.notifyGroup(department, "催办：书面征询意见", text);
        ledger.note(leadId, "CONSULTATION_REMINDED", Actors.SYSTEM, "催办" + request.departmentName() + "：" + text);
    }
}
