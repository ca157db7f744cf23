package cn.zhaoshang.meeting;

/**
 * Names shared by {@code process-models/ResearchMeeting.bpmn} (线索研判会议), the meeting form and the Java code.
 *
 * <p>Seeds: panan-2022 §二.3 (每月研判，重大项目随时研判，以会议纪要形式反馈), xuancheng-2019 §二.3 (确定有效线索并转办).
 */
public final class ResearchMeeting {

    private ResearchMeeting() {
    }

    public static final String PROCESS_KEY = "Process_ResearchMeeting";
    /** Message start event: an ad-hoc meeting asked for by the center or by a major lead. */
    public static final String MESSAGE_AD_HOC_MEETING = "Message_AdHocMeetingRequested";

    public static final class Var {
        private Var() {
        }

        public static final String MEETING_ID = "meetingId";
        /** MONTHLY | AD_HOC. */
        public static final String MEETING_KIND = "meetingKind";
        /** who asked for an ad-hoc meeting (user id or "system" for a major lead) and why. */
        public static final String REQUESTED_BY = "requestedBy";
        public static final String REQUEST_REASON = "requestReason";
        /** the lead that asked for an ad-hoc meeting, if any. */
        public static final String TRIGGER_LEAD_ID = "triggerLeadId";
        /** how many leads the meeting took onto its agenda when it opened. */
        public static final String AGENDA_SIZE = "agendaSize";
        // set when the secretary completes Task_RecordMeeting (validated and stored by the listener)
        public static final String ATTENDEES = "attendees";
        public static final String HELD_ON = "heldOn";
        /** list of maps {leadId, decision VALID|INVALID|MORE_INFO, reason, responsibleUnit, taskForceLeader}. */
        public static final String ITEM_DECISIONS = "itemDecisions";
        /** the agenda as shown on the form: list of maps {leadId, companyName, projectName, reportingUnit, ...}. */
        public static final String AGENDA = "agenda";
    }

    public static final class Step {
        private Step() {
        }

        public static final String RECORD_MEETING = "Task_RecordMeeting";
    }

    public static final class Form {
        private Form() {
        }

        public static final String RECORD_MEETING = "form_meeting_record";
    }

    public static final class Bean {
        private Bean() {
        }

        public static final String OPEN_MEETING = "openMeetingDelegate";
        public static final String CLOSE_EMPTY_MEETING = "closeEmptyMeetingDelegate";
        /** task listener on Task_RecordMeeting: complete validates and stores attendance and decisions. */
        public static final String RECORD_DECISIONS = "recordMeetingDecisionsListener";
        public static final String GENERATE_MINUTES = "generateMinutesDelegate";
        public static final String DELIVER_DECISIONS = "deliverMeetingDecisionsDelegate";
        /** timer start event: ${meetingSchedule.monthlyCycle()} (configurable cron). */
        public static final String SCHEDULE = "meetingSchedule";
    }
}
