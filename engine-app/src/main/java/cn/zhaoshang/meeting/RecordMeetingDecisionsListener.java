package cn.zhaoshang.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.lead.MeetingDecision;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;
import cn.zhaoshang.unit.UnitMapper;

import static cn.zhaoshang.meeting.ResearchMeeting.Var;

/**
 * On 记录会议研判结果. {@code complete}: attendance, the meeting date and exactly one decision per agenda item, checked
 * and stored together: VALID needs the responsible unit (转办) and the task force lead, INVALID and MORE_INFO a
 * reason. A lead withdrawn since the agenda was set has dropped off and needs nothing.
 */
@Component(ResearchMeeting.Bean.RECORD_DECISIONS)
class RecordMeetingDecisionsListener implements TaskListener {

    static final int MAX_TEXT = 2000;

    private final MeetingMapper meetings;
    private final UnitMapper units;
    private final AgendaForm agendaForm;
    private final IdentityService identityService;

    RecordMeetingDecisionsListener(MeetingMapper meetings, UnitMapper units, AgendaForm agendaForm,
            IdentityService identityService) {
        this.meetings = meetings;
        this.units = units;
        this.agendaForm = agendaForm;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        long meetingId = ((Number) task.getVariable(Var.MEETING_ID)).longValue();
        List<FieldError> errors = new ArrayList<>();
        String attendees = FormValues.text(task.getVariable(Var.ATTENDEES));
        FormValues.requireText(errors, Var.ATTENDEES, attendees, MAX_TEXT, "参会人员");
        LocalDate heldOn = FormValues.pastDate(task.getVariable(Var.HELD_ON), Var.HELD_ON, "会议日期", errors);
        Map<Long, ItemDecision> byLead = new HashMap<>();
        for (ItemDecision decision : agendaForm.parse(task.getVariable(Var.ITEM_DECISIONS), errors)) {
            if (decision.leadId() != null && byLead.put(decision.leadId(), decision) != null) {
                errors.add(new FieldError(Var.ITEM_DECISIONS, "线索 #" + decision.leadId() + " 有两个结论 / two decisions "
                        + "for lead " + decision.leadId()));
            }
        }
        List<MeetingItem> items = meetings.findItems(meetingId).stream().filter(i -> !i.dropped()).toList();
        for (MeetingItem item : items) {
            check(item.leadId(), byLead.get(item.leadId()), errors);
        }
        for (Long leadId : byLead.keySet()) {
            if (items.stream().noneMatch(i -> i.leadId() == leadId)
                    && meetings.findItem(meetingId, leadId).filter(MeetingItem::dropped).isEmpty()) {
                errors.add(new FieldError(Var.ITEM_DECISIONS, "线索 #" + leadId + " 不在本次会议议程中 / lead " + leadId
                        + " is not on this meeting's agenda"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        meetings.recordAttendance(meetingId, heldOn, attendees, Actors.current(identityService, task.getAssignee()));
        for (MeetingItem item : items) {
            ItemDecision d = byLead.get(item.leadId());
            boolean valid = MeetingDecision.VALID.name().equals(d.decision());
            meetings.decideItem(meetingId, item.leadId(), d.decision(), d.reason(),
                    valid ? d.responsibleUnit() : null, valid ? d.taskForceLeader() : null);
        }
    }

    private void check(long leadId, ItemDecision d, List<FieldError> errors) {
        String item = "线索 #" + leadId;
        if (d == null || d.decision() == null) {
            errors.add(new FieldError(Var.ITEM_DECISIONS, item + " 未作出研判结论 / no decision for lead " + leadId));
            return;
        }
        MeetingDecision decision = FormValues.parseEnum(MeetingDecision.class, d.decision());
        if (decision == null) {
            errors.add(new FieldError(Var.ITEM_DECISIONS, item + " 的结论只能是 VALID、INVALID 或 MORE_INFO / decision must "
                    + "be VALID, INVALID or MORE_INFO"));
            return;
        }
        if (decision == MeetingDecision.VALID) {
            if (d.responsibleUnit() == null || units.findByCode(d.responsibleUnit()).filter(u -> u.active()).isEmpty()) {
                errors.add(new FieldError(Var.ITEM_DECISIONS, item + " 转办须指定存在的责任单位 / a VALID lead needs an "
                        + "existing responsible unit"));
            }
            if (d.taskForceLeader() == null) {
                errors.add(new FieldError(Var.ITEM_DECISIONS, item + " 转办须指定招引专班组长 / a VALID lead needs a task "
                        + "force lead"));
            }
        } else if (d.reason() == null) {
            errors.add(new FieldError(Var.ITEM_DECISIONS, item + " 须说明理由 / " + decision.name() + " needs a reason"));
        }
        if (d.reason() != null && d.reason().length() > MAX_TEXT) {
            errors.add(new FieldError(Var.ITEM_DECISIONS, item + " 的理由不能超过 2000 字 / reason too long"));
        }
    }
}
