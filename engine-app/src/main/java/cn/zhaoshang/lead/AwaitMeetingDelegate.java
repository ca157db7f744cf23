package cn.zhaoshang.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.Actors;

import static cn.zhaoshang.lead.LeadScreening.Var;

/** 待研判: the lead waits for the next research meeting; the MajorProject decision is written onto the lead. */
@Component(LeadScreening.Bean.AWAIT_MEETING)
class AwaitMeetingDelegate implements JavaDelegate {

    private final LeadMapper leads;
    private final LeadLedger ledger;

    AwaitMeetingDelegate(LeadMapper leads, LeadLedger ledger) {
        this.leads = leads;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        boolean major = Boolean.TRUE.equals(execution.getVariable(Var.MAJOR_PROJECT));
        String reason = (String) execution.getVariable(Var.MAJOR_REASON);
        leads.updateMajorProject(leadId, major, major ? reason : null);
        ledger.changeStatus(leadId, LeadStatus.AWAITING_MEETING, Actors.SYSTEM,
                major ? "重大项目（" + reason + "），提请随时研判" : "书面征询完成，等待线索研判会议");
    }
}
