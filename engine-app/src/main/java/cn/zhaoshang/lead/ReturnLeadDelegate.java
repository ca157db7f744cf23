package cn.zhaoshang.lead;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.Actors;

import static cn.zhaoshang.lead.LeadScreening.Var;

/**
 * 退回报送单位: incomplete (完整性审核) or more information asked by the research meeting. The reason goes onto the
 * supplement form as {@code returnReason}.
 */
@Component(LeadScreening.Bean.RETURN_LEAD)
class ReturnLeadDelegate implements JavaDelegate {

    private final LeadLedger ledger;
    private final IdentityService identityService;

    ReturnLeadDelegate(LeadLedger ledger, IdentityService identityService) {
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        boolean meetingAsked = MeetingDecision.MORE_INFO.name().equals(execution.getVariable(Var.MEETING_DECISION));
        String reason = (String) execution.getVariable(meetingAsked ? Var.MEETING_REASON : Var.OPINION);
        LeadStatus status = meetingAsked ? LeadStatus.MORE_INFO : LeadStatus.RETURNED;
        String by = meetingAsked ? "研判会议要求补充信息" : "资料不完整，退回补充";
        ledger.changeStatus(leadId, status, Actors.current(identityService, null),
                by + (reason == null ? "" : "：" + reason));
        execution.setVariable(Var.RETURN_REASON, reason == null ? by : by + "：" + reason);
    }
}
