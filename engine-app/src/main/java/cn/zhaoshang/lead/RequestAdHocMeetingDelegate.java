package cn.zhaoshang.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.meeting.MeetingRequests;
import cn.zhaoshang.system.Actors;

import static cn.zhaoshang.lead.LeadScreening.Var;

/** 提请临时研判: a major project does not wait for the month (panan-2022 §二.3 如遇重大项目随时进行研判). */
@Component(LeadScreening.Bean.REQUEST_AD_HOC_MEETING)
class RequestAdHocMeetingDelegate implements JavaDelegate {

    private final MeetingRequests meetings;

    RequestAdHocMeetingDelegate(MeetingRequests meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        meetings.requestAdHoc(Actors.SYSTEM, "重大项目随时研判：线索 #" + leadId + "（"
                + execution.getVariable(Var.MAJOR_REASON) + "）", leadId);
    }
}
