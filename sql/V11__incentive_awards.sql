-- Domain schema, version 11: incentive award claims (招商引资奖励兑现; chenzhou-2017 §5, §6, §11; qiaocheng §八) and the
-- database guard that pays one basis at most once.

-- One claim for one award (Process_IncentiveClaim): registered by the investment center or the project's carrier,
-- verified by the center against the ledger, approved by finance, paid. The amount is computed by DMN IncentiveAward
-- from the ledger facts kept here as they were at verification, in 元 (DECIMAL(18,2), HALF_UP to 0.01 元; see
-- incentive/AwardAmounts and docs/incentives.md).
CREATE TABLE incentive_claim (
    id                       BIGINT         NOT NULL AUTO_INCREMENT,
    -- FDI_NEW | FDI_INCREASE | NEW_SOURCE_COUNTRY | REFERRAL | CHAMBER | ADVISOR
    award_type               VARCHAR(30)    NOT NULL,
    -- the project the award is about (the new or increased foreign investment, the project from the new source
    -- country, the referred project, the project the advisor brought in); NULL for a chamber of commerce's award
    project_id               BIGINT         NULL,
    -- who is paid: the enterprise, the referring enterprise, the chamber of commerce or the advisor
    claimant_name            VARCHAR(200)   NOT NULL,
    -- CHAMBER: the year of the assessment the award is for (chenzhou §5 每年考核后)
    award_year               INT            NULL,
    -- NEW_SOURCE_COUNTRY: the source country as the ledger records it for the project (the lead's report)
    source_country           VARCHAR(100)   NULL,
    -- FDI: the paid-in foreign capital claimed (万美元) and the exchange rate entered with the claim (元 per US$)
    claimed_paid_in_usd_wan  DECIMAL(18, 2) NULL,
    exchange_rate            DECIMAL(10, 4) NULL,
    claim_note               VARCHAR(2000)  NULL,
    -- the normalised basis, e.g. FDI|P12, COUNTRY|新西兰, REFERRAL|P7, CHAMBER|温州商会|2025, ADVISOR|P9
    basis_key                VARCHAR(300)   NOT NULL,
    -- the basis while the claim may still be paid or has been paid; NULL once it was rejected or found not eligible,
    -- so the basis can be claimed again. Unique: a second claim on a held basis fails in the database, whatever the
    -- application checked before (two claims in the same second: exactly one is registered)
    active_basis_key         VARCHAR(300)   NULL,
    -- SUBMITTED | VERIFIED | APPROVED | PAID | REJECTED | NOT_ELIGIBLE
    status                   VARCHAR(20)    NOT NULL,
    -- the ledger facts at verification (the DMN's inputs) and what the DMN gave
    verified_paid_in_usd_wan DECIMAL(18, 2) NULL,
    referred_investment_wan  DECIMAL(18, 2) NULL,
    project_in_production    BOOLEAN        NULL,
    rate                     DECIMAL(12, 8) NULL,
    fixed_amount_yuan        DECIMAL(18, 2) NULL,
    amount_yuan              DECIMAL(18, 2) NULL,
    verified_by              VARCHAR(64)    NULL,
    verified_at              DATETIME(3)    NULL,
    verification_opinion     VARCHAR(2000)  NULL,
    approved_by              VARCHAR(64)    NULL,
    approved_at              DATETIME(3)    NULL,
    approval_opinion         VARCHAR(2000)  NULL,
    -- the step that rejected it (Task_VerifyClaim | Task_ApproveByFinance), who, when and why
    rejected_step            VARCHAR(100)   NULL,
    rejected_by              VARCHAR(64)    NULL,
    rejected_at              DATETIME(3)    NULL,
    rejection_opinion        VARCHAR(2000)  NULL,
    -- the payout: who recorded it, when, the day it was paid and the accounting voucher (记账凭证号)
    paid_by                  VARCHAR(64)    NULL,
    paid_at                  DATETIME(3)    NULL,
    paid_on                  DATE           NULL,
    voucher_number           VARCHAR(100)   NULL,
    submitted_by             VARCHAR(64)    NOT NULL,
    process_instance_id      VARCHAR(64)    NULL,
    created_at               DATETIME(3)    NOT NULL,
    updated_at               DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_incentive_claim_active_basis UNIQUE (active_basis_key),
    CONSTRAINT uk_incentive_claim_voucher UNIQUE (voucher_number),
    CONSTRAINT uk_incentive_claim_process UNIQUE (process_instance_id),
    CONSTRAINT fk_incentive_claim_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_incentive_claim_project ON incentive_claim (project_id);
CREATE INDEX idx_incentive_claim_status ON incentive_claim (status, created_at);
CREATE INDEX idx_incentive_claim_basis ON incentive_claim (basis_key);
