package cn.zhaoshang.appeal;

import cn.zhaoshang.ledger.Supervision;

/**
 * Names shared by {@code process-models/EnterpriseAppeal.bpmn} (企业诉求 / 投诉), its forms and the Java code.
 *
 * <p>Seeds: chenzhou §15 (投诉 7 个工作日内答复), tongcheng §22 (受理、交办、督办、反馈).
 */
public final class EnterpriseAppeal {

    private EnterpriseAppeal() {
    }

    public static final String PROCESS_KEY = "Process_EnterpriseAppeal";

    public static final class Var {
        private Var() {
        }

        public static final String APPEAL_ID = "appealId";
        public static final String PROJECT_ID = "projectId";
        public static final String COMPANY_NAME = "companyName";
        /** REQUEST 诉求 | COMPLAINT 投诉. */
        public static final String KIND = "kind";
        public static final String SUBJECT = "subject";
        /** the center's acceptance: ACCEPT | REJECT (not within scope, with the reason). */
        public static final String DECISION = "decision";
        /** the department group the appeal is assigned to (交办). */
        public static final String ASSIGNED_GROUP = "assignedGroup";
        public static final String ANSWER = "answer";
        public static final String OPINION = "opinion";
        /**
         * 具体内容 as submitted (the start form's {@link #OPINION}), copied by Task_RegisterAppeal's output mapping so
         * the later forms can show it while their own opinion starts empty.
         */
        public static final String CONTENT = "content";
        /**
         * When the answer is due (a Date: the end of the 7th working day after receipt, chenzhou §15), set once by
         * Task_RegisterAppeal; Task_HandleAppeal's due date and Timer_AppealOverdue use it.
         */
        public static final String ANSWER_DUE_AT = "answerDueAt";
        /** 督办事项: the overdue appeal, set by Task_EscalateAppeal for Task_SuperviseAppeal. */
        public static final String SUPERVISED_MATTER = Supervision.MATTER;
    }

    public static final class Step {
        private Step() {
        }

        public static final String ACCEPT = "Task_AcceptAppeal";
        public static final String HANDLE = "Task_HandleAppeal";
        public static final String SUPERVISE = "Task_SuperviseAppeal";
    }

    public static final class Form {
        private Form() {
        }

        public static final String SUBMIT = "form_appeal_submit";
        public static final String ACCEPT = "form_appeal_accept";
        public static final String HANDLE = "form_appeal_handle";
        public static final String SUPERVISE = "form_appeal_supervise";
    }

    public static final class Bean {
        private Bean() {
        }

        public static final String REGISTER_APPEAL = "registerAppealDelegate";
        public static final String RECORD_APPEAL_STEP = "recordAppealStepListener";
        /** escalates an overdue appeal to the supervision office and says what its 督办 task supervises. */
        public static final String ESCALATE_APPEAL = "escalateAppealDelegate";
        /** task listener (complete) of Task_SuperviseAppeal: the 督办意见 into the appeal's (and its project's) ledger. */
        public static final String RECORD_SUPERVISION = Supervision.RECORD_LISTENER;
        public static final String ANSWER_APPEAL = "answerAppealDelegate";
    }
}
