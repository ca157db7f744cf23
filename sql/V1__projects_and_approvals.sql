-- Domain schema, version 1: landing applications (projects), their approval sign-offs and the ledger.
-- MySQL dialect (MySQL 8 / MariaDB 10.6+); the embedded default runs it on H2 in MySQL mode.
-- Every table is utf8mb4: company and person names contain 4-byte characters (𠮷, 𡈼 …).

-- A project as it goes through landing approval (《招商引资项目落地审批表》, panan-2022 §二.3/§二.5).
CREATE TABLE project (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    company_name         VARCHAR(200)  NOT NULL,
    project_name         VARCHAR(200)  NOT NULL,
    -- INDUSTRIAL 工业 | SERVICE 文旅、康养、服务业、农业、商业
    project_category     VARCHAR(20)   NOT NULL,
    total_investment_wan DECIMAL(18, 2) NOT NULL,
    land_required        BOOLEAN       NOT NULL,
    land_area_mu         DECIMAL(12, 4) NULL,
    case_by_case_support BOOLEAN       NOT NULL DEFAULT FALSE,
    dev_zone             BOOLEAN       NOT NULL DEFAULT FALSE,
    carrier_unit         VARCHAR(100)  NOT NULL,
    -- T1 | T2 | T3 | DEVZONE, decided by DMN ApprovalTier
    tier                 VARCHAR(10)   NULL,
    -- SUBMITTED | IN_APPROVAL | RETURNED | APPROVED | REJECTED | WITHDRAWN
    status               VARCHAR(20)   NOT NULL,
    applicant            VARCHAR(64)   NOT NULL,
    process_instance_id  VARCHAR(64)   NULL,
    created_at           DATETIME(3)   NOT NULL,
    updated_at           DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_project_process_instance UNIQUE (process_instance_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_project_status ON project (status, updated_at);

-- One row per sign-off: who decided what at which step of which tier, with the opinion.
CREATE TABLE approval_record (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    project_id          BIGINT        NOT NULL,
    process_instance_id VARCHAR(64)   NOT NULL,
    -- a task is decided exactly once
    task_id             VARCHAR(64)   NOT NULL,
    tier                VARCHAR(10)   NULL,
    -- BPMN user task id, e.g. Task_ReviewByDeputyHead
    step                VARCHAR(100)  NOT NULL,
    step_name           VARCHAR(100)  NOT NULL,
    -- APPROVE | REJECT | RETURN | RESUBMIT | WITHDRAW
    decision            VARCHAR(20)   NOT NULL,
    opinion             VARCHAR(2000) NULL,
    meeting_date        DATE          NULL,
    minutes_number      VARCHAR(100)  NULL,
    user_id             VARCHAR(64)   NOT NULL,
    decided_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_approval_record_task UNIQUE (task_id),
    CONSTRAINT fk_approval_record_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_approval_record_project ON approval_record (project_id, decided_at);

-- Append-only ledger of everything that happened to a project (xuancheng-2019 §三.1 线索追溯).
CREATE TABLE ledger_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    project_id  BIGINT        NOT NULL,
    -- SUBMITTED | TIER_DETERMINED | STATUS_CHANGED | REMINDER_SENT | ESCALATED | REVISED
    event_type  VARCHAR(40)   NOT NULL,
    from_status VARCHAR(20)   NULL,
    to_status   VARCHAR(20)   NULL,
    -- user id, or "system" for timers and service tasks
    actor       VARCHAR(64)   NOT NULL,
    note        VARCHAR(2000) NULL,
    occurred_at DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_ledger_event_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_ledger_event_project ON ledger_event (project_id, occurred_at);
