package cn.zhaoshang.lead;

import cn.zhaoshang.system.EngineClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.Actors;

import static cn.zhaoshang.lead.LeadScreening.Var;

/**
 * 发起书面征询 (qiaocheng §四): one request per configured department for this round, each with its due date; the
 * list of group ids drives the parallel consultation tasks. Which departments is data (consultation_department).
 */
@Component(LeadScreening.Bean.OPEN_CONSULTATION)
class OpenConsultationDelegate implements JavaDelegate {

    private final LeadMapper leads;
    private final ConsultationMapper consultations;
    private final LeadLedger ledger;
    private final LeadDeadlines deadlines;

    OpenConsultationDelegate(LeadMapper leads, ConsultationMapper consultations, LeadLedger ledger,
            LeadDeadlines deadlines) {
        this.leads = leads;
        this.consultations = consultations;
        this.ledger = ledger;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        List<ConsultationDepartment> departments = consultations.findActiveDepartments();
        if (departments.isEmpty()) {
            throw new IllegalStateException("没有配置书面征询部门 / No consultation departments are configured");
        }
        leads.nextConsultationRound(leadId, EngineClock.now());
        int round = leads.findById(leadId).orElseThrow().getConsultationRound();
        Instant now = EngineClock.now();
        Instant due = deadlines.consultationDueAt().toInstant();
        List<String> groups = new ArrayList<>();
        for (ConsultationDepartment department : departments) {
            consultations.insertRequest(leadId, round, department.groupId(), department.name(), now, due);
            groups.add(department.groupId());
        }
        ledger.changeStatus(leadId, LeadStatus.IN_CONSULTATION, Actors.SYSTEM, "第 " + round + " 轮书面征询："
                + String.join("、", departments.stream().map(ConsultationDepartment::name).toList()));
        execution.setVariable(Var.CONSULTATION_DEPARTMENTS, groups);
    }
}
