package cn.zhaoshang.negotiation;

/**
 * Names shared by {@code process-models/InspectionNegotiation.bpmn} (考察洽谈), its form and the Java code.
 *
 * <p>panan-2022 §二.4: a task force led by the deputy county head in charge inspects and negotiates and signs the
 * joint review opinion (考察联审意见) on the landing approval form, which starts the landing approval.
 */
public final class InspectionNegotiation {

    private InspectionNegotiation() {
    }

    public static final String PROCESS_KEY = "Process_InspectionNegotiation";

    public static final class Var {
        private Var() {
        }

        public static final String PROJECT_ID = "projectId";
        public static final String LEAD_ID = "leadId";
        public static final String COMPANY_NAME = "companyName";
        public static final String PROJECT_NAME = "projectName";
        /** the task force's entry: INSPECTION | NEGOTIATION | JOINT_OPINION | NOT_LANDED. */
        public static final String ENTRY = "entry";
        public static final String HELD_ON = "heldOn";
        public static final String PLACE = "place";
        public static final String PARTICIPANTS = "participants";
        public static final String SUMMARY = "summary";
        /** the joint review opinion, or why the project did not land. */
        public static final String OPINION = "opinion";
        /** process instance of the landing approval started by the joint opinion. */
        public static final String APPROVAL_PROCESS_INSTANCE_ID = "approvalProcessInstanceId";
    }

    public static final class Step {
        private Step() {
        }

        public static final String NEGOTIATE = "Task_Negotiate";
    }

    public static final class Form {
        private Form() {
        }

        public static final String NEGOTIATE = "form_negotiation";
    }

    public static final class Bean {
        private Bean() {
        }

        /** task listener on Task_Negotiate: complete validates the entry and stores inspections and rounds. */
        public static final String RECORD_NEGOTIATION = "recordNegotiationListener";
        public static final String START_LANDING_APPROVAL = "startLandingApprovalDelegate";
        public static final String MARK_NOT_LANDED = "markNotLandedDelegate";
    }
}
