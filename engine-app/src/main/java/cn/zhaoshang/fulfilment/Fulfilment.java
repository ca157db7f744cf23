package cn.zhaoshang.fulfilment;

import java.util.List;

/**
 * Names shared by {@code process-models/Fulfilment.bpmn} (履约跟踪), its forms and the Java code.
 *
 * <p>Seeds: qiaocheng §七 (履约评估：兑现、二次招商、清退), chenzhou §3, tongcheng §25, panan §四.1 (智控预警).
 */
public final class Fulfilment {

    private Fulfilment() {
    }

    public static final String PROCESS_KEY = "Process_Fulfilment";
    /** the assessment on demand (履约评估), besides the one at the agreed date. */
    public static final String MESSAGE_ASSESS_NOW = "Message_AssessFulfilment";

    /** The milestones in order (DESIGN.md step 9); LAND_SUPPLIED only when the project needs land. */
    public static final List<String> MILESTONES = List.of("REGISTERED", "LAND_SUPPLIED", "CONSTRUCTION_STARTED",
            "COMPLETED", "PRODUCTION", "IN_STATISTICS", "ABOVE_SCALE", "FULL_CAPACITY");

    public static final class Var {
        private Var() {
        }

        public static final String PROJECT_ID = "projectId";
        public static final String AGREEMENT_ID = "agreementId";
        public static final String COMPANY_NAME = "companyName";
        public static final String PROJECT_NAME = "projectName";
        /** the next milestone to record (one of MILESTONES), and when it is due (ISO date-time). */
        public static final String NEXT_MILESTONE = "nextMilestone";
        public static final String NEXT_MILESTONE_DUE_AT = "nextMilestoneDueAt";
        /** all milestones recorded: true after the last one. */
        public static final String ALL_MILESTONES_DONE = "allMilestonesDone";
        // what the carrier records
        public static final String MILESTONE = "milestone";
        public static final String REACHED_ON = "reachedOn";
        public static final String EVIDENCE = "evidence";
        /** the agreed assessment date (ISO date-time) for the timer. */
        public static final String ASSESSMENT_DUE_AT = "assessmentDueAt";
        /** COMPLIANT | UNDERPERFORMING | SERIOUS_BREACH. */
        public static final String ASSESSMENT = "assessment";
        public static final String OPINION = "opinion";
        /** cycle of the stale-progress check (R/P1M-like ISO cycle or cron), from configuration. */
        public static final String PROGRESS_CHECK_CYCLE = "progressCheckCycle";
    }

    public static final class Step {
        private Step() {
        }

        public static final String RECORD_MILESTONE = "Task_RecordMilestone";
        public static final String ASSESS = "Task_AssessFulfilment";
        public static final String HONOUR_INCENTIVES = "Task_HonourIncentives";
        public static final String SECOND_ATTRACTION = "Task_SecondAttraction";
        public static final String CLEARANCE = "Task_Clearance";
    }

    public static final class Form {
        private Form() {
        }

        public static final String RECORD_MILESTONE = "form_milestone";
        public static final String ASSESS = "form_fulfilment_assessment";
        public static final String FOLLOW_UP = "form_fulfilment_follow_up";
    }

    public static final class Bean {
        private Bean() {
        }

        /** sets nextMilestone / nextMilestoneDueAt / allMilestonesDone from the agreement and what is recorded. */
        public static final String PLAN_NEXT_MILESTONE = "planNextMilestoneDelegate";
        /** task listener (complete) on Task_RecordMilestone: validates and stores the milestone. */
        public static final String RECORD_MILESTONE = "recordMilestoneListener";
        public static final String ESCALATE_MILESTONE = "escalateOverdueMilestoneDelegate";
        public static final String FLAG_STALE = "flagStaleProgressDelegate";
        public static final String RECORD_ASSESSMENT = "recordAssessmentListener";
        public static final String CLOSE_FULFILMENT = "closeFulfilmentDelegate";
    }
}
