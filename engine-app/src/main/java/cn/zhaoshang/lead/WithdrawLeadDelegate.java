package cn.zhaoshang.lead;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.meeting.MeetingMapper;
import cn.zhaoshang.system.Actors;

/** 撤回线索: the reporter withdraws; a lead already on a meeting's agenda drops off it. */
@Component(LeadScreening.Bean.WITHDRAW_LEAD)
class WithdrawLeadDelegate implements JavaDelegate {

    private final LeadLedger ledger;
    private final MeetingMapper meetings;
    private final IdentityService identityService;

    WithdrawLeadDelegate(LeadLedger ledger, MeetingMapper meetings, IdentityService identityService) {
        this.ledger = ledger;
        this.meetings = meetings;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        boolean dropped = meetings.dropPending(leadId) > 0;
        Object reason = execution.getVariable(LeadScreening.Var.OPINION);
        Object by = execution.getVariable(LeadScreening.Var.WITHDRAWN_BY);
        ledger.changeStatus(leadId, LeadStatus.WITHDRAWN,
                by != null ? by.toString() : Actors.current(identityService, null),
                "撤回线索" + (reason == null ? "" : "：" + reason) + (dropped ? "（已从研判会议议程撤下）" : ""));
    }
}
