package cn.zhaoshang.meeting;

import cn.zhaoshang.system.EngineClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zhaoshang.lead.ConsultationMapper;
import cn.zhaoshang.lead.ConsultationSummary;
import cn.zhaoshang.lead.Industry;
import cn.zhaoshang.lead.Lead;
import cn.zhaoshang.lead.LeadMapper;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitMapper;

import static cn.zhaoshang.meeting.ResearchMeeting.Var;

/**
 * 生成会议纪要 (panan-2022 §二.3: 研判结果…以会议纪要形式反馈): numbers the minutes within the year, renders them as a DOCX
 * from the recorded decisions and stores the document with the meeting, in the engine's transaction.
 */
@Component(ResearchMeeting.Bean.GENERATE_MINUTES)
class GenerateMinutesDelegate implements JavaDelegate {

    private final MeetingMapper meetings;
    private final LeadMapper leads;
    private final ConsultationMapper consultations;
    private final UnitMapper units;
    private final String numberPrefix;
    private final String organiser;

    GenerateMinutesDelegate(MeetingMapper meetings, LeadMapper leads, ConsultationMapper consultations, UnitMapper units,
            @Value("${zhaoshang.meeting.minutes-prefix:县招商研判}") String numberPrefix,
            @Value("${zhaoshang.meeting.organiser:县招商引资工作领导小组办公室}") String organiser) {
        this.meetings = meetings;
        this.leads = leads;
        this.consultations = consultations;
        this.units = units;
        this.numberPrefix = numberPrefix;
        this.organiser = organiser;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long meetingId = ((Number) execution.getVariable(Var.MEETING_ID)).longValue();
        Meeting meeting = meetings.findById(meetingId).orElseThrow();
        int year = meeting.heldOn().getYear();
        String number = numberPrefix + "〔" + year + "〕" + (meetings.countHeldIn(year) + 1) + "号";
        List<MinutesDocument.Item> items = new ArrayList<>();
        for (MeetingItem item : meetings.findItems(meetingId)) {
            if (item.dropped() || item.decision() == null) {
                continue;
            }
            Lead lead = leads.findById(item.leadId()).orElseThrow();
            items.add(new MinutesDocument.Item(items.size() + 1, lead.getId(), lead.getCompanyName(),
                    lead.getProjectName(), unitName(lead.getReportingUnit()), Industry.valueOf(lead.getIndustry()).label(),
                    lead.getTotalInvestmentWan(), lead.getForeignCapitalUsdWan(), lead.getLandAreaMu(),
                    ConsultationSummary.latestRound(consultations.findByLeadId(lead.getId())), item.decision(),
                    item.reason(), item.responsibleUnit() == null ? null : unitName(item.responsibleUnit()),
                    item.taskForceLeader()));
        }
        Instant now = EngineClock.now();
        byte[] document = MinutesDocument.render(new MinutesDocument.Minutes(number,
                MeetingKind.valueOf(meeting.kind()).label(), meeting.heldOn(), organiser, meeting.attendees(), items, now));
        meetings.insertMinutes(new StoredMinutes(meetingId, number, "线索研判会议纪要-" + number + ".docx", document, now));
        meetings.markHeld(meetingId, number, now);
    }

    private String unitName(String code) {
        return units.findByCode(code).map(Unit::name).orElse(code);
    }
}
