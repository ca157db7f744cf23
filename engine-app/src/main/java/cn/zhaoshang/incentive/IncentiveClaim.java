package cn.zhaoshang.incentive;

/**
 * Names shared by {@code process-models/IncentiveClaim.bpmn} (招商引资奖励兑现), {@code IncentiveAward.dmn}, their forms
 * and the Java code.
 *
 * <p>Seeds: chenzhou-2017 §5 (商协会), §6 (外商直接投资、增资、新来源国别), §11 (以商招商); qiaocheng §七 (投资促进中心兑现优惠政策),
 * §八 (招商顾问).
 */
public final class IncentiveClaim {

    private IncentiveClaim() {
    }

    public static final String PROCESS_KEY = "Process_IncentiveClaim";
    public static final String DECISION_KEY = "IncentiveAward";

    public static final class Var {
        private Var() {
        }

        public static final String CLAIM_ID = "claimId";
        /** the award type ({@link AwardType}); also the DMN's first input. */
        public static final String AWARD_TYPE = "awardType";
        public static final String PROJECT_ID = "projectId";
        public static final String CLAIMANT_NAME = "claimantName";
        /** CHAMBER: the assessment year the award is for. */
        public static final String AWARD_YEAR = "awardYear";
        /** FDI: paid-in foreign capital as claimed (万美元). */
        public static final String CLAIMED_PAID_IN_USD_WAN = "claimedPaidInUsdWan";
        /** 元 per US$, entered with the claim and stored with it. */
        public static final String EXCHANGE_RATE = "exchangeRate";
        /** the claimant's explanation (the start form), kept as {@link #CLAIM_NOTE}. */
        public static final String CLAIM_NOTE = "claimNote";
        public static final String COMPANY_NAME = "companyName";
        public static final String PROJECT_NAME = "projectName";

        /** the ledger facts shown to the verifier (set at registration, read again at verification). */
        public static final String LEDGER_FOREIGN_CAPITAL_USD_WAN = "ledgerForeignCapitalUsdWan";
        public static final String LEDGER_SOURCE_COUNTRY = "ledgerSourceCountry";
        public static final String LEDGER_REFERRER_ENTERPRISE = "ledgerReferrerEnterprise";
        public static final String LEDGER_INVESTMENT_WAN = "ledgerInvestmentWan";
        public static final String LEDGER_PRODUCTION_ON = "ledgerProductionOn";
        public static final String LEDGER_AGREEMENT_STATUS = "ledgerAgreementStatus";

        /** the verifier's VERIFY | REJECT, finance's APPROVE | REJECT. */
        public static final String DECISION = "decision";
        public static final String OPINION = "opinion";
        /** FDI: the paid-in foreign capital the center verified (万美元, at most what the ledger records). */
        public static final String VERIFIED_PAID_IN_USD_WAN = "verifiedPaidInUsdWan";

        /** DMN inputs, set from the ledger when the claim is verified. */
        public static final String PAID_IN_FOREIGN_CAPITAL_USD_WAN = "paidInForeignCapitalUsdWan";
        public static final String REFERRED_INVESTMENT_WAN = "referredInvestmentWan";
        public static final String PROJECT_IN_PRODUCTION = "projectInProduction";
        /** DMN outputs (the rule's names) and what Task_EvaluateAward's output mapping stores them as. */
        public static final String RATE = "rate";
        public static final String FIXED_AMOUNT_YUAN = "fixedAmountYuan";
        public static final String AWARD_RATE = "awardRate";
        public static final String AWARD_FIXED_AMOUNT_YUAN = "awardFixedAmountYuan";
        /** the amount in 元 as text ("100000.00"), and whether there is anything to pay. */
        public static final String AMOUNT_YUAN = "amountYuan";
        public static final String AWARD_DUE = "awardDue";

        /** the payout: voucher number (记账凭证号) and the day it was paid. */
        public static final String VOUCHER_NUMBER = "voucherNumber";
        public static final String PAID_ON = "paidOn";
    }

    public static final class Step {
        private Step() {
        }

        public static final String VERIFY = "Task_VerifyClaim";
        public static final String APPROVE_BY_FINANCE = "Task_ApproveByFinance";
        public static final String RECORD_PAYOUT = "Task_RecordPayout";
    }

    public static final class Form {
        private Form() {
        }

        public static final String SUBMIT = "form_incentive_claim_submit";
        public static final String VERIFY = "form_incentive_claim_verify";
        public static final String APPROVE = "form_incentive_claim_approve";
        public static final String PAYOUT = "form_incentive_claim_payout";
    }

    public static final class Bean {
        private Bean() {
        }

        public static final String REGISTER_CLAIM = "registerIncentiveClaimDelegate";
        public static final String RECORD_VERIFICATION = "recordClaimVerificationListener";
        public static final String RECORD_AWARD = "recordAwardDelegate";
        public static final String MARK_NOT_ELIGIBLE = "markClaimNotEligibleDelegate";
        public static final String RECORD_FINANCE_APPROVAL = "recordFinanceApprovalListener";
        public static final String RECORD_PAYOUT = "recordPayoutListener";
        public static final String REJECT_CLAIM = "rejectIncentiveClaimDelegate";
    }
}
