-- Domain schema, version 2: the front half of the lifecycle (shared/DESIGN.md steps 1–5).
-- Leads and their versions, written consultation, research meetings with their minutes, inspection and
-- negotiation records, and the trace from every project back to its lead and reporting unit
-- (xuancheng-2019 §三.1: 标注项目标签、实行项目落地与项目线索追溯应证管理).

-- Units (乡镇/街道、园区、驻外招商分局、招商组、部门、开发区) are data an administrator maintains.
CREATE TABLE unit (
    code   VARCHAR(64)  NOT NULL,
    name   VARCHAR(100) NOT NULL,
    -- TOWN | PARK | OUTSIDE_OFFICE | INVESTMENT_GROUP | DEPARTMENT | DEV_ZONE | CENTER
    kind   VARCHAR(20)  NOT NULL,
    active BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A user belongs to groups (Camunda identity) and to one unit (here).
CREATE TABLE user_unit (
    user_id   VARCHAR(64) NOT NULL,
    unit_code VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_user_unit_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which departments the investment center asks in writing about every lead (qiaocheng §四: 书面征询发改、环保、
-- 应急、落户载体等相关单位意见). An administrator changes this list; the process reads it when consultation opens.
CREATE TABLE consultation_department (
    group_id   VARCHAR(64)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    sort_order INT          NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (group_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO consultation_department (group_id, name, sort_order, active) VALUES
    ('dept-drc', '发展和改革局', 10, TRUE),
    ('dept-env', '生态环境分局', 20, TRUE),
    ('dept-emergency', '应急管理局', 30, TRUE),
    ('dept-nr', '自然资源和规划局', 40, TRUE),
    ('carrier', '落户载体', 50, TRUE);

-- A lead (项目线索) as reported, with its current version and where it stands.
CREATE TABLE lead (
    id                      BIGINT         NOT NULL AUTO_INCREMENT,
    company_name            VARCHAR(200)   NOT NULL,
    -- normalised company and project names for the duplicate check (全角/半角、空格、有限公司后缀)
    company_key             VARCHAR(200)   NOT NULL,
    project_name            VARCHAR(200)   NOT NULL,
    project_key             VARCHAR(200)   NOT NULL,
    industry                VARCHAR(30)    NOT NULL,
    -- INDUSTRIAL 工业 | SERVICE 文旅、康养、服务业、农业、商业
    project_category        VARCHAR(20)    NOT NULL,
    total_investment_wan    DECIMAL(18, 2) NOT NULL,
    foreign_capital_usd_wan DECIMAL(18, 2) NULL,
    source_country          VARCHAR(100)   NULL,
    land_required           BOOLEAN        NOT NULL,
    land_area_mu            DECIMAL(12, 4) NULL,
    reporting_unit          VARCHAR(64)    NOT NULL,
    referrer                VARCHAR(100)   NULL,
    referrer_enterprise     VARCHAR(200)   NULL,
    contact_name            VARCHAR(100)   NOT NULL,
    contact_phone           VARCHAR(40)    NOT NULL,
    reporter                VARCHAR(64)    NOT NULL,
    -- REPORTED | RETURNED | IN_CONSULTATION | AWAITING_MEETING | ON_AGENDA | MORE_INFO | VALID | INVALID | MERGED | WITHDRAWN
    status                  VARCHAR(20)    NOT NULL,
    -- 1 when reported, +1 with every supplement; lead_revision keeps each version
    version                 INT            NOT NULL,
    consultation_round      INT            NOT NULL DEFAULT 0,
    major_project           BOOLEAN        NOT NULL DEFAULT FALSE,
    major_reason            VARCHAR(200)   NULL,
    -- a duplicate merged into the earlier lead, which keeps the attribution
    merged_into_lead_id     BIGINT         NULL,
    -- the research meeting whose agenda holds the lead now, or that decided it last
    meeting_id              BIGINT         NULL,
    decision_reason         VARCHAR(2000)  NULL,
    -- 转办: the unit responsible after a VALID decision and the task force lead
    responsible_unit        VARCHAR(64)    NULL,
    task_force_leader       VARCHAR(100)   NULL,
    process_instance_id     VARCHAR(64)    NULL,
    reported_at             DATETIME(3)    NOT NULL,
    updated_at              DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_lead_process_instance UNIQUE (process_instance_id),
    CONSTRAINT fk_lead_reporting_unit FOREIGN KEY (reporting_unit) REFERENCES unit (code),
    CONSTRAINT fk_lead_merged_into FOREIGN KEY (merged_into_lead_id) REFERENCES lead (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_lead_company_key ON lead (company_key);
CREATE INDEX idx_lead_unit_reported ON lead (reporting_unit, reported_at);
CREATE INDEX idx_lead_status ON lead (status, reported_at);

-- Every version of a lead's report, as submitted (the history keeps both versions when a lead is supplemented).
CREATE TABLE lead_revision (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    lead_id    BIGINT        NOT NULL,
    version    INT           NOT NULL,
    -- the report as JSON (field names of the lead report form)
    content    TEXT          NOT NULL,
    note       VARCHAR(2000) NULL,
    revised_by VARCHAR(64)   NOT NULL,
    revised_at DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_lead_revision UNIQUE (lead_id, version),
    CONSTRAINT fk_lead_revision_lead FOREIGN KEY (lead_id) REFERENCES lead (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One department's written opinion on one consultation round of a lead.
CREATE TABLE consultation_opinion (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    lead_id          BIGINT        NOT NULL,
    round            INT           NOT NULL,
    department_group VARCHAR(64)   NOT NULL,
    department_name  VARCHAR(100)  NOT NULL,
    task_id          VARCHAR(64)   NULL,
    requested_at     DATETIME(3)   NOT NULL,
    due_at           DATETIME(3)   NOT NULL,
    reminded_at      DATETIME(3)   NULL,
    -- AGREE | AGREE_WITH_CONDITIONS | DISAGREE
    answer           VARCHAR(30)   NULL,
    opinion          VARCHAR(2000) NULL,
    answered_by      VARCHAR(64)   NULL,
    answered_at      DATETIME(3)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_consultation_opinion UNIQUE (lead_id, round, department_group),
    CONSTRAINT fk_consultation_opinion_lead FOREIGN KEY (lead_id) REFERENCES lead (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A research meeting (线索研判会议), monthly or ad hoc (panan-2022 §二.3).
CREATE TABLE meeting (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    -- MONTHLY | AD_HOC
    kind                VARCHAR(20)   NOT NULL,
    -- OPEN | HELD | CLOSED_EMPTY
    status              VARCHAR(20)   NOT NULL,
    requested_by        VARCHAR(64)   NOT NULL,
    request_reason      VARCHAR(500)  NULL,
    trigger_lead_id     BIGINT        NULL,
    held_on             DATE          NULL,
    attendees           VARCHAR(2000) NULL,
    recorded_by         VARCHAR(64)   NULL,
    minutes_number      VARCHAR(100)  NULL,
    process_instance_id VARCHAR(64)   NOT NULL,
    opened_at           DATETIME(3)   NOT NULL,
    closed_at           DATETIME(3)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_meeting_process_instance UNIQUE (process_instance_id),
    CONSTRAINT uk_meeting_minutes_number UNIQUE (minutes_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One lead on one meeting's agenda and what the meeting decided about it.
CREATE TABLE meeting_item (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    meeting_id        BIGINT        NOT NULL,
    lead_id           BIGINT        NOT NULL,
    position          INT           NOT NULL,
    -- = lead_id while the item waits for its decision, NULL afterwards: a lead is on one open agenda at most
    pending_lead_id   BIGINT        NULL,
    -- the lead was withdrawn after the agenda was set: it drops off
    dropped           BOOLEAN       NOT NULL DEFAULT FALSE,
    -- VALID | INVALID | MORE_INFO
    decision          VARCHAR(20)   NULL,
    reason            VARCHAR(2000) NULL,
    responsible_unit  VARCHAR(64)   NULL,
    task_force_leader VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_meeting_item UNIQUE (meeting_id, lead_id),
    CONSTRAINT uk_meeting_item_pending UNIQUE (pending_lead_id),
    CONSTRAINT fk_meeting_item_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id),
    CONSTRAINT fk_meeting_item_lead FOREIGN KEY (lead_id) REFERENCES lead (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The generated minutes (会议纪要), kept as the document that was issued.
CREATE TABLE meeting_minutes (
    meeting_id     BIGINT       NOT NULL,
    minutes_number VARCHAR(100) NOT NULL,
    file_name      VARCHAR(200) NOT NULL,
    content        LONGBLOB     NOT NULL,
    generated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (meeting_id),
    CONSTRAINT fk_meeting_minutes_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A project always traces to its lead and reporting unit; only an audited administrator correction changes them.
ALTER TABLE project ADD COLUMN lead_id BIGINT NULL;
ALTER TABLE project ADD COLUMN reporting_unit VARCHAR(64) NULL;
ALTER TABLE project ADD COLUMN responsible_unit VARCHAR(64) NULL;
ALTER TABLE project ADD COLUMN task_force_leader VARCHAR(100) NULL;
-- an explicit, recorded split of one lead into several projects names the project it was split from
ALTER TABLE project ADD COLUMN split_from_project_id BIGINT NULL;
ALTER TABLE project ADD COLUMN joint_opinion VARCHAR(2000) NULL;
ALTER TABLE project ADD COLUMN negotiation_process_instance_id VARCHAR(64) NULL;
ALTER TABLE project ADD CONSTRAINT fk_project_lead FOREIGN KEY (lead_id) REFERENCES lead (id);
ALTER TABLE project ADD CONSTRAINT uk_project_negotiation UNIQUE (negotiation_process_instance_id);
CREATE INDEX idx_project_lead ON project (lead_id);

-- Inspections (考察) and negotiation rounds (洽谈) the task force records.
CREATE TABLE negotiation_entry (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    project_id   BIGINT        NOT NULL,
    -- INSPECTION | NEGOTIATION
    kind         VARCHAR(20)   NOT NULL,
    held_on      DATE          NOT NULL,
    place        VARCHAR(200)  NULL,
    participants VARCHAR(1000) NULL,
    summary      VARCHAR(4000) NOT NULL,
    task_id      VARCHAR(64)   NOT NULL,
    recorded_by  VARCHAR(64)   NOT NULL,
    recorded_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_negotiation_entry_task UNIQUE (task_id),
    CONSTRAINT fk_negotiation_entry_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The ledger covers leads too: an event belongs to a lead, a project, or both.
ALTER TABLE ledger_event MODIFY COLUMN project_id BIGINT NULL;
ALTER TABLE ledger_event ADD COLUMN lead_id BIGINT NULL;
ALTER TABLE ledger_event ADD CONSTRAINT fk_ledger_event_lead FOREIGN KEY (lead_id) REFERENCES lead (id);
CREATE INDEX idx_ledger_event_lead ON ledger_event (lead_id, occurred_at);
