package cn.zhaoshang.agreement;

import cn.zhaoshang.ledger.Supervision;

/**
 * Names shared by {@code process-models/AgreementReview.bpmn} (谈判签约 + 合法性审查), its forms and the Java code.
 *
 * <p>Seeds: qiaocheng §六 (以政府名义签订的协议由司法局合法性审查；开发区管委会签订的由开发区法务审查后报领导小组审议),
 * chenzhou §3 (签约后 6 个月内开工).
 */
public final class AgreementReview {

    private AgreementReview() {
    }

    public static final String PROCESS_KEY = "Process_AgreementReview";

    public static final class Var {
        private Var() {
        }

        public static final String PROJECT_ID = "projectId";
        public static final String COMPANY_NAME = "companyName";
        public static final String PROJECT_NAME = "projectName";
        /** user id of whoever negotiates the agreement (uploads drafts, revises, signs). */
        public static final String NEGOTIATOR = "negotiator";
        /** who signs for our side: GOVERNMENT (县政府) | DEV_ZONE (开发区管委会). */
        public static final String SIGNING_PARTY = "signingParty";
        /** the current draft's version number (agreement_draft rows keep every one). */
        public static final String DRAFT_VERSION = "draftVersion";
        /** review decisions: PASS | REVISE | REJECT; negotiator's revision: RESUBMIT | WITHDRAW. */
        public static final String DECISION = "decision";
        public static final String OPINION = "opinion";
        /** after REJECT: RENEGOTIATE (the project goes back to negotiation) | END (the project ends). */
        public static final String AFTER_REJECTION = "afterRejection";
        /** the review step that sent the draft back; the next draft goes to the same reviewer. */
        public static final String RETURNED_BY = "returnedBy";
        /** the reviewer's points, shown to the negotiator on the revise form. */
        public static final String REVIEW_POINTS = "reviewPoints";
        // signing (签约): recorded on the sign task and moved into table agreement
        public static final String CONTRACT_NUMBER = "contractNumber";
        public static final String SIGNED_ON = "signedOn";
        public static final String AGREED_INVESTMENT_WAN = "agreedInvestmentWan";
        /** agreed construction start; defaults to signedOn + 6 months (chenzhou §3). */
        public static final String CONSTRUCTION_DUE_ON = "constructionDueOn";
        /** 督办事项: which review is overdue, set by Task_EscalateReview for Task_SuperviseOverdueReview. */
        public static final String SUPERVISED_MATTER = Supervision.MATTER;
    }

    public static final class Step {
        private Step() {
        }

        public static final String SUBMIT_DRAFT = "Task_SubmitDraft";
        public static final String REVIEW_BY_JUSTICE = "Task_ReviewByJusticeBureau";
        public static final String REVIEW_BY_DEVZONE_LEGAL = "Task_ReviewByDevZoneLegal";
        public static final String DELIBERATE_BY_LEADING_GROUP = "Task_DeliberateByLeadingGroup";
        public static final String REVISE_DRAFT = "Task_ReviseDraft";
        public static final String SUPERVISE_OVERDUE_REVIEW = "Task_SuperviseOverdueReview";
        public static final String SIGN_AGREEMENT = "Task_SignAgreement";
    }

    public static final class Form {
        private Form() {
        }

        public static final String SUBMIT_DRAFT = "form_agreement_draft";
        public static final String LEGAL_REVIEW = "form_legal_review";
        public static final String REVISE_DRAFT = "form_agreement_revise";
        public static final String SUPERVISE = "form_supervise_overdue";
        public static final String SIGN = "form_agreement_sign";
    }

    public static final class Bean {
        private Bean() {
        }

        /** task listeners (complete) that store each review's sign-off / the negotiator's revision. */
        public static final String RECORD_REVIEW = "recordAgreementReviewListener";
        public static final String RECORD_DRAFT = "recordAgreementDraftListener";
        public static final String REMIND_REVIEWER = "remindReviewerDelegate";
        /** escalates an overdue review to the supervision office and says what its 督办 task supervises. */
        public static final String ESCALATE_REVIEW = "escalateReviewDelegate";
        /** task listener (complete) of Task_SuperviseOverdueReview: the 督办意见 into the project's ledger. */
        public static final String RECORD_SUPERVISION = Supervision.RECORD_LISTENER;
        public static final String MARK_REJECTED = "markAgreementRejectedDelegate";
        public static final String RECORD_SIGNING = "recordSigningDelegate";
        /** starts Process_Fulfilment for the signed agreement. */
        public static final String START_FULFILMENT = "startFulfilmentDelegate";
        /** ${reviewDeadlines.reviewDueAt()} / reminderAt() / escalationAt(): working days (default 5, 2× to escalate). */
        public static final String DEADLINES = "reviewDeadlines";
    }
}
