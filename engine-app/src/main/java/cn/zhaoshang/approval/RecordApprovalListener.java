package cn.zhaoshang.approval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ApprovalRecord;
import cn.zhaoshang.ledger.ApprovalRecordMapper;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;

import static cn.zhaoshang.approval.LandingApproval.Var;

/**
 * On every approval step. {@code create}: clears the previous step's decision so the form starts empty.
 * {@code complete}: checks the decision (驳回 and 退回 need an opinion) and writes the sign-off to
 * {@code approval_record} in the engine's transaction, whether the step was completed in the Tasklist or
 * through the domain API.
 */
@Component(LandingApproval.Bean.RECORD_APPROVAL_LISTENER)
class RecordApprovalListener implements TaskListener {

    static final int MAX_OPINION_LENGTH = 2000;

    private final ApprovalRecordMapper records;
    private final IdentityService identityService;

    RecordApprovalListener(ApprovalRecordMapper records, IdentityService identityService) {
        this.records = records;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            StepInputs.clear(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            record(task);
        }
    }

    private void record(DelegateTask task) {
        List<FieldError> errors = new ArrayList<>();
        ApprovalDecision decision = decision(FormValues.text(task.getVariable(Var.DECISION)), errors);
        String opinion = FormValues.text(task.getVariable(Var.OPINION));
        if (decision != null && decision.requiresOpinion() && opinion == null) {
            errors.add(new FieldError(Var.OPINION, decision.label() + "必须填写意见 / An opinion is required to "
                    + decision.name().toLowerCase()));
        }
        if (opinion != null && opinion.length() > MAX_OPINION_LENGTH) {
            errors.add(new FieldError(Var.OPINION, "意见不能超过 2000 字 / The opinion is longer than 2000"));
        }
        LocalDate meetingDate = FormValues.date(task.getVariable(Var.MEETING_DATE), Var.MEETING_DATE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidApplicationException(errors);
        }

        ApprovalRecord record = signOff(task, decision.name(), opinion, actingUser(task, identityService));
        record.setMeetingDate(meetingDate);
        record.setMinutesNumber(FormValues.text(task.getVariable(Var.MINUTES_NUMBER)));
        records.insert(record);
    }

    /** The sign-off of one step by one person, as table approval_record keeps it. */
    static ApprovalRecord signOff(DelegateTask task, String decision, String opinion, String userId) {
        ApprovalRecord record = new ApprovalRecord();
        record.setProjectId(ApplicationVariables.projectId(task));
        record.setProcessInstanceId(task.getProcessInstanceId());
        record.setTaskId(task.getId());
        record.setTier((String) task.getVariable(Var.TIER));
        record.setStep(task.getTaskDefinitionKey());
        record.setStepName(task.getName());
        record.setDecision(decision);
        record.setOpinion(opinion);
        record.setUserId(userId);
        record.setDecidedAt(EngineClock.now());
        return record;
    }

    /** Whoever is logged in completes the step; a step completed by the engine itself counts for the assignee. */
    static String actingUser(DelegateTask task, IdentityService identityService) {
        return Actors.current(identityService, task.getAssignee());
    }

    private static ApprovalDecision decision(String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(Var.DECISION, "请选择审批结论 / A decision is required"));
            return null;
        }
        try {
            return ApprovalDecision.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(Var.DECISION,
                    "审批结论只能是 APPROVE、REJECT 或 RETURN / decision must be APPROVE, REJECT or RETURN"));
            return null;
        }
    }

}
