package cn.zhaoshang.approval;

import java.util.List;

/**
 * Names shared by {@code process-models/LandingApproval.bpmn}, {@code ApprovalTier.dmn}, the forms and
 * the Java code: process key, variable names, element ids and bean names live here and nowhere else.
 *
 * <p>panan-2022 §二.5 (分类、分层审核审批) and §五.1 (开发区项目) are the rules the model encodes.
 */
public final class LandingApproval {

    private LandingApproval() {
    }

    public static final String PROCESS_KEY = "Process_LandingApproval";
    public static final String DECISION_KEY = "ApprovalTier";

    /** Process variables: ids, decision inputs and decisions only; the application itself is in table {@code project}. */
    public static final class Var {
        private Var() {
        }

        /** the project in negotiation whose joint review opinion started this approval (required). */
        public static final String PROJECT_ID = "projectId";
        /** 考察联审意见 signed by the task force; moved into table project by RegisterApplicationDelegate. */
        public static final String JOINT_OPINION = "jointOpinion";
        /** user id of whoever submitted the application; the revise task goes back to them. */
        public static final String APPLICANT = "applicant";
        /** shown in task names and Tasklist so an official sees what they are signing. */
        public static final String COMPANY_NAME = "companyName";
        public static final String PROJECT_NAME = "projectName";
        // inputs of the ApprovalTier decision
        public static final String LAND_REQUIRED = "landRequired";
        public static final String LAND_AREA_MU = "landAreaMu";
        public static final String PROJECT_CATEGORY = "projectCategory";
        public static final String CASE_BY_CASE_SUPPORT = "caseByCaseSupport";
        public static final String DEV_ZONE = "devZone";
        // only on the Tasklist start form path; moved into table project by RegisterApplicationDelegate
        public static final String TOTAL_INVESTMENT_WAN = "totalInvestmentWan";
        public static final String CARRIER_UNIT = "carrierUnit";
        /** output of the ApprovalTier decision: T1 | T2 | T3 | DEVZONE. */
        public static final String TIER = "tier";
        /** set by every approval step: APPROVE | REJECT | RETURN; by the revise step: RESUBMIT | WITHDRAW. */
        public static final String DECISION = "decision";
        public static final String OPINION = "opinion";
        /** the opinion of the step that returned the application, shown on the revise form. */
        public static final String RETURN_OPINION = "returnOpinion";
        // meeting steps record which meeting decided
        public static final String MEETING_DATE = "meetingDate";
        public static final String MINUTES_NUMBER = "minutesNumber";
    }

    /** Element ids of the user tasks; the approval records store them as the step. */
    public static final class Step {
        private Step() {
        }

        public static final String CONSENT_BY_COUNTY_HEAD = "Task_ConsentByCountyHead";
        public static final String APPROVE_BY_DEPUTY_HEAD = "Task_ApproveByDeputyHead";
        public static final String REVIEW_BY_DEPUTY_HEAD = "Task_ReviewByDeputyHead";
        public static final String DELIBERATE_BY_COUNTY_HEAD_MEETING = "Task_DeliberateByCountyHeadMeeting";
        public static final String DELIBERATE_BY_STANDING_COMMITTEE = "Task_DeliberateByStandingCommittee";
        public static final String APPROVE_BY_COUNTY_HEAD = "Task_ApproveByCountyHead";
        public static final String REVIEW_BY_LEADING_GROUP = "Task_ReviewByLeadingGroup";
        public static final String APPROVE_BY_DEV_ZONE = "Task_ApproveByDevZone";
        public static final String REVISE_APPLICATION = "Task_ReviseApplication";

        public static final List<String> APPROVAL_STEPS = List.of(
                CONSENT_BY_COUNTY_HEAD, APPROVE_BY_DEPUTY_HEAD, REVIEW_BY_DEPUTY_HEAD,
                DELIBERATE_BY_COUNTY_HEAD_MEETING, DELIBERATE_BY_STANDING_COMMITTEE, APPROVE_BY_COUNTY_HEAD,
                REVIEW_BY_LEADING_GROUP, APPROVE_BY_DEV_ZONE);
    }

    /** Form keys ({@code id} inside the .form files in forms/). */
    public static final class Form {
        private Form() {
        }

        public static final String LANDING_APPLICATION = "form_landing_application";
        public static final String APPROVAL_STEP = "form_approval_step";
        public static final String MEETING_DELIBERATION = "form_meeting_deliberation";
        public static final String REVISE_APPLICATION = "form_revise_application";
    }

    /** Spring bean names bound in the BPMN by delegate expression. */
    public static final class Bean {
        private Bean() {
        }

        public static final String REGISTER_APPLICATION = "registerApplicationDelegate";
        public static final String RECORD_TIER = "recordTierDelegate";
        public static final String MARK_APPROVED = "markApprovedDelegate";
        public static final String MARK_REJECTED = "markRejectedDelegate";
        public static final String MARK_RETURNED = "markReturnedDelegate";
        public static final String MARK_WITHDRAWN = "markWithdrawnDelegate";
        public static final String SEND_REMINDER = "sendReminderDelegate";
        public static final String ESCALATE_TO_SUPERVISION = "escalateToSupervisionDelegate";
        public static final String RECORD_APPROVAL_LISTENER = "recordApprovalListener";
        public static final String APPLY_REVISION_LISTENER = "applyRevisionListener";
        public static final String DEADLINES = "approvalDeadlines";
    }
}
