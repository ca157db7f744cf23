package cn.zhaoshang.lead;

import java.util.List;

/**
 * Names shared by {@code process-models/LeadScreening.bpmn} (线索甄别), {@code MajorProject.dmn}, the lead forms and
 * the Java code. Process variables hold ids and decisions; the lead itself lives in table {@code lead}.
 *
 * <p>Seeds: xuancheng-2019 §二.2 (信息处理、漏斗式管理), qiaocheng §四 (书面征询), tongcheng §19 (线索报送),
 * panan-2022 §二.3 (研判，重大项目随时研判).
 */
public final class LeadScreening {

    private LeadScreening() {
    }

    public static final String PROCESS_KEY = "Process_LeadScreening";
    /** DMN: is the lead a major project (重大项目)? inputs totalInvestmentWan, foreignCapitalUsdWan, industry. */
    public static final String MAJOR_PROJECT_DECISION_KEY = "MajorProject";

    /** Correlated by a research meeting to each lead on its agenda (business key = lead id). */
    public static final String MESSAGE_MEETING_DECISION = "Message_MeetingDecision";
    /** The reporter withdraws the lead at any stage before the meeting's decision (interrupting event subprocess). */
    public static final String MESSAGE_LEAD_WITHDRAWN = "Message_LeadWithdrawn";

    public static final class Var {
        private Var() {
        }

        public static final String LEAD_ID = "leadId";
        /** user id of whoever reported the lead; supplement tasks go back to them. */
        public static final String REPORTER = "reporter";
        // shown in task names; kept in step with the lead row
        public static final String COMPANY_NAME = "companyName";
        public static final String PROJECT_NAME = "projectName";
        // the report itself: only on the Tasklist start form / supplement path, moved into table lead by the delegates
        public static final String INDUSTRY = "industry";
        public static final String PROJECT_CATEGORY = "projectCategory";
        public static final String TOTAL_INVESTMENT_WAN = "totalInvestmentWan";
        public static final String FOREIGN_CAPITAL_USD_WAN = "foreignCapitalUsdWan";
        public static final String SOURCE_COUNTRY = "sourceCountry";
        public static final String LAND_REQUIRED = "landRequired";
        public static final String LAND_AREA_MU = "landAreaMu";
        public static final String REPORTING_UNIT = "reportingUnit";
        public static final String REFERRER = "referrer";
        public static final String REFERRER_ENTERPRISE = "referrerEnterprise";
        public static final String CONTACT_NAME = "contactName";
        public static final String CONTACT_PHONE = "contactPhone";
        /** all report fields above, in form order. */
        public static final List<String> REPORT_FIELDS = List.of(COMPANY_NAME, PROJECT_NAME, INDUSTRY, PROJECT_CATEGORY,
                TOTAL_INVESTMENT_WAN, FOREIGN_CAPITAL_USD_WAN, SOURCE_COUNTRY, LAND_REQUIRED, LAND_AREA_MU,
                REPORTING_UNIT, REFERRER, REFERRER_ENTERPRISE, CONTACT_NAME, CONTACT_PHONE);

        /** output of MajorProject.dmn (boolean) and its reason text. */
        public static final String MAJOR_PROJECT = "majorProject";
        public static final String MAJOR_REASON = "majorReason";

        /** user task decisions: completeness COMPLETE | INCOMPLETE; duplicate MERGE | KEEP_SEPARATE; supplement RESUBMIT | WITHDRAW. */
        public static final String DECISION = "decision";
        public static final String OPINION = "opinion";
        /** why the lead went back to the reporter (incomplete, or the meeting wants more information). */
        public static final String RETURN_REASON = "returnReason";
        /** set by the duplicate check: id of the earlier lead for the same company and project, or null. */
        public static final String DUPLICATE_OF_LEAD_ID = "duplicateOfLeadId";

        /** group ids of the departments consulted in this round (multi-instance collection). */
        public static final String CONSULTATION_DEPARTMENTS = "consultationDepartments";
        /** element variable of the consultation multi-instance: one department's group id. */
        public static final String DEPARTMENT = "department";
        /** a department's answer: AGREE | AGREE_WITH_CONDITIONS | DISAGREE. */
        public static final String ANSWER = "answer";

        /** who withdrew the lead (sent with Message_LeadWithdrawn; the reason travels as opinion). */
        public static final String WITHDRAWN_BY = "withdrawnBy";

        /** delivered with Message_MeetingDecision: VALID | INVALID | MORE_INFO, the meeting id and the reason. */
        public static final String MEETING_DECISION = "meetingDecision";
        public static final String MEETING_ID = "meetingId";
        public static final String MEETING_REASON = "meetingReason";
    }

    public static final class Step {
        private Step() {
        }

        public static final String CHECK_COMPLETENESS = "Task_CheckCompleteness";
        public static final String DECIDE_DUPLICATE = "Task_DecideDuplicate";
        public static final String SUPPLEMENT_LEAD = "Task_SupplementLead";
        public static final String ANSWER_CONSULTATION = "Task_AnswerConsultation";
    }

    public static final class Form {
        private Form() {
        }

        public static final String REPORT_LEAD = "form_lead_report";
        public static final String CHECK_COMPLETENESS = "form_lead_completeness";
        public static final String DECIDE_DUPLICATE = "form_lead_duplicate";
        public static final String SUPPLEMENT_LEAD = "form_lead_supplement";
        public static final String ANSWER_CONSULTATION = "form_consultation_opinion";
    }

    /** Spring beans bound in the BPMN by delegate expression. */
    public static final class Bean {
        private Bean() {
        }

        public static final String REGISTER_LEAD = "registerLeadDelegate";
        public static final String CHECK_DUPLICATE = "checkDuplicateLeadDelegate";
        public static final String MERGE_LEAD = "mergeLeadDelegate";
        public static final String RETURN_LEAD = "returnLeadDelegate";
        /** task listener on Task_SupplementLead (create: shows the lead; complete: stores the new version). */
        public static final String APPLY_LEAD_SUPPLEMENT = "applyLeadSupplementListener";
        public static final String OPEN_CONSULTATION = "openConsultationDelegate";
        /** task listener on Task_AnswerConsultation (create: links the task; complete: stores the answer). */
        public static final String RECORD_CONSULTATION = "recordConsultationListener";
        public static final String REMIND_CONSULTATION = "remindConsultationDelegate";
        public static final String AWAIT_MEETING = "awaitMeetingDelegate";
        public static final String REQUEST_AD_HOC_MEETING = "requestAdHocMeetingDelegate";
        public static final String CREATE_PROJECT = "createProjectFromLeadDelegate";
        public static final String ARCHIVE_LEAD = "archiveLeadDelegate";
        public static final String WITHDRAW_LEAD = "withdrawLeadDelegate";
        /** dueDate expressions: ${leadDeadlines.completenessDueAt()}, ${leadDeadlines.consultationDueAt()}. */
        public static final String DEADLINES = "leadDeadlines";
    }
}
