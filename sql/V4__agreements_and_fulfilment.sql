-- Domain schema, version 4: the back half of the lifecycle (shared/DESIGN.md steps 7–10).
-- Investment agreements with every draft kept, their legal reviews, the signing, fulfilment milestones, progress
-- updates and assessments, and enterprise appeals.

-- One investment agreement per approved project (谈判签约, qiaocheng §六).
CREATE TABLE agreement (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    project_id            BIGINT         NOT NULL,
    -- GOVERNMENT 以县政府名义 | DEV_ZONE 以开发区管委会名义
    signing_party         VARCHAR(20)    NULL,
    negotiator            VARCHAR(64)    NOT NULL,
    -- IN_REVIEW | SIGNED | REJECTED | ABANDONED
    status                VARCHAR(20)    NOT NULL,
    contract_number       VARCHAR(100)   NULL,
    signed_on             DATE           NULL,
    agreed_investment_wan DECIMAL(18, 2) NULL,
    -- chenzhou §3: construction starts within 6 months of signing unless agreed otherwise
    construction_due_on   DATE           NULL,
    process_instance_id   VARCHAR(64)    NOT NULL,
    created_at            DATETIME(3)    NOT NULL,
    updated_at            DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_agreement_process_instance UNIQUE (process_instance_id),
    CONSTRAINT uk_agreement_contract_number UNIQUE (contract_number),
    CONSTRAINT fk_agreement_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_agreement_project ON agreement (project_id);

-- Every draft as uploaded (DOCX or PDF), with its SHA-256 so what was reviewed is provably what was signed.
CREATE TABLE agreement_draft (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    agreement_id BIGINT        NOT NULL,
    version      INT           NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    content_type VARCHAR(100)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    content      LONGBLOB      NOT NULL,
    note         VARCHAR(2000) NULL,
    uploaded_by  VARCHAR(64)   NOT NULL,
    uploaded_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_agreement_draft UNIQUE (agreement_id, version),
    CONSTRAINT fk_agreement_draft_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each legal review or deliberation of a draft: who decided what (PASS | REVISE | REJECT) and why.
CREATE TABLE agreement_review (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    agreement_id  BIGINT        NOT NULL,
    draft_version INT           NOT NULL,
    task_id       VARCHAR(64)   NOT NULL,
    -- BPMN user task id, e.g. Task_ReviewByJusticeBureau
    step          VARCHAR(100)  NOT NULL,
    step_name     VARCHAR(100)  NOT NULL,
    decision      VARCHAR(20)   NOT NULL,
    opinion       VARCHAR(4000) NULL,
    user_id       VARCHAR(64)   NOT NULL,
    decided_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_agreement_review_task UNIQUE (task_id),
    CONSTRAINT fk_agreement_review_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The agreed milestones of a signed project and what was reached (履约, DESIGN.md step 9).
CREATE TABLE milestone (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    project_id   BIGINT        NOT NULL,
    agreement_id BIGINT        NOT NULL,
    -- REGISTERED | LAND_SUPPLIED | CONSTRUCTION_STARTED | COMPLETED | PRODUCTION | IN_STATISTICS | ABOVE_SCALE | FULL_CAPACITY
    milestone    VARCHAR(30)   NOT NULL,
    position     INT           NOT NULL,
    due_on       DATE          NOT NULL,
    reached_on   DATE          NULL,
    evidence     VARCHAR(2000) NULL,
    recorded_by  VARCHAR(64)   NULL,
    recorded_at  DATETIME(3)   NULL,
    escalated_at DATETIME(3)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_milestone UNIQUE (agreement_id, milestone),
    CONSTRAINT fk_milestone_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT fk_milestone_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_milestone_due ON milestone (reached_on, due_on);

-- Monthly progress updates by the carrier, and the stale flags when none came in time (智控预警, panan §四.1).
CREATE TABLE progress_update (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    project_id  BIGINT        NOT NULL,
    -- UPDATE: the carrier reported progress; STALE: the check found no update in time (counted against the unit)
    kind        VARCHAR(10)   NOT NULL,
    unit        VARCHAR(64)   NULL,
    note        VARCHAR(2000) NULL,
    actor       VARCHAR(64)   NOT NULL,
    occurred_at DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_progress_update_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_progress_update_project ON progress_update (project_id, occurred_at);

-- An enterprise's request or complaint (企业诉求/投诉, chenzhou §15, tongcheng §22).
CREATE TABLE enterprise_appeal (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    project_id          BIGINT        NULL,
    company_name        VARCHAR(200)  NOT NULL,
    -- REQUEST | COMPLAINT
    kind                VARCHAR(20)   NOT NULL,
    subject             VARCHAR(200)  NOT NULL,
    content             VARCHAR(4000) NOT NULL,
    -- RECEIVED | REJECTED | ASSIGNED | ANSWERED
    status              VARCHAR(20)   NOT NULL,
    assigned_group      VARCHAR(64)   NULL,
    answer              VARCHAR(4000) NULL,
    due_at              DATETIME(3)   NULL,
    answered_at         DATETIME(3)   NULL,
    submitted_by        VARCHAR(64)   NOT NULL,
    process_instance_id VARCHAR(64)   NULL,
    created_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_enterprise_appeal_process UNIQUE (process_instance_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
