-- Domain schema, version 10: annual targets per unit, their decomposition and adjustments, funds in place, outside
-- offices' visit logs, and the assessment calendar (约谈, 离岗招商, 月通报, 季调度, 年终考核).
-- Seeds: chenzhou §1 (目标任务分解；微调报请审定), §17–§18 (驻外招商机构), §21; tongcheng §20, §26, §28;
-- panan §一.4, §四.2–§四.3; xuancheng §三, §四.1. Rules in docs/assessment.md.

-- What a target counts. Computed from the ledger by one of a fixed set of kinds, never typed in and never free SQL:
-- COUNT_SIGNED  projects whose agreement was signed in the period          (签约项目)
-- COUNT_STARTED projects whose CONSTRUCTION_STARTED milestone was reached (开工项目)
-- SUM_FUNDS     funds in place recorded by the carrier, 万元               (实际到位资金)
-- each optionally narrowed to projects of at least min_investment_wan (agreed investment, else the project's total),
-- of one project category (INDUSTRIAL | SERVICE) and/or one industry of the lead (MANUFACTURING …).
CREATE TABLE target_metric (
    code               VARCHAR(40)    NOT NULL,
    name               VARCHAR(100)   NOT NULL,
    -- 个 | 万元
    unit_label         VARCHAR(10)    NOT NULL,
    kind               VARCHAR(20)    NOT NULL,
    min_investment_wan DECIMAL(18, 2) NULL,
    project_category   VARCHAR(20)    NULL,
    industry           VARCHAR(30)    NULL,
    sort_order         INT            NOT NULL,
    active             BOOLEAN        NOT NULL DEFAULT TRUE,
    -- the six metrics of issue 8 come with the schema; an administrator adds others (audited)
    builtin            BOOLEAN        NOT NULL DEFAULT FALSE,
    created_by         VARCHAR(64)    NOT NULL,
    created_at         DATETIME(3)    NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO target_metric (code, name, unit_label, kind, min_investment_wan, project_category, industry, sort_order,
                           active, builtin, created_by, created_at) VALUES
    ('SIGNED_PROJECTS', '新引进签约项目', '个', 'COUNT_SIGNED', NULL, NULL, NULL, 10, TRUE, TRUE, 'system', CURRENT_TIMESTAMP(3)),
    ('STARTED_PROJECTS', '履约落地（开工）项目', '个', 'COUNT_STARTED', NULL, NULL, NULL, 20, TRUE, TRUE, 'system', CURRENT_TIMESTAMP(3)),
    ('FUNDS_IN_PLACE', '实际到位资金', '万元', 'SUM_FUNDS', NULL, NULL, NULL, 30, TRUE, TRUE, 'system', CURRENT_TIMESTAMP(3)),
    ('PROJECTS_100M', '亿元以上项目', '个', 'COUNT_SIGNED', 10000.00, NULL, NULL, 40, TRUE, TRUE, 'system', CURRENT_TIMESTAMP(3)),
    ('MANUFACTURING_700M', '7亿元以上制造业项目', '个', 'COUNT_SIGNED', 70000.00, 'INDUSTRIAL', 'MANUFACTURING', 50, TRUE, TRUE, 'system', CURRENT_TIMESTAMP(3)),
    ('INDUSTRY_300M', '3亿元以上产业项目', '个', 'COUNT_SIGNED', 30000.00, 'INDUSTRIAL', NULL, 60, TRUE, TRUE, 'system', CURRENT_TIMESTAMP(3));

-- A decomposition of the county's targets to units (目标任务分解, drafted by the investment center), or a later
-- adjustment (调整) with its reason; it takes effect only when the county head approves it (Process_TargetDecomposition).
CREATE TABLE target_plan (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    plan_year           INT           NOT NULL,
    -- DECOMPOSITION | ADJUSTMENT
    kind                VARCHAR(20)   NOT NULL,
    -- IN_APPROVAL | RETURNED | APPROVED | WITHDRAWN
    status              VARCHAR(20)   NOT NULL,
    reason              VARCHAR(2000) NULL,
    drafted_by          VARCHAR(64)   NOT NULL,
    drafted_at          DATETIME(3)   NOT NULL,
    decided_by          VARCHAR(64)   NULL,
    decided_at          DATETIME(3)   NULL,
    opinion             VARCHAR(2000) NULL,
    process_instance_id VARCHAR(64)   NULL,
    -- at most one plan of a year in approval or returned at a time: NULL once decided or withdrawn
    open_year           INT           NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_target_plan_process UNIQUE (process_instance_id),
    CONSTRAINT uk_target_plan_open_year UNIQUE (open_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The figures of a plan: one per unit and metric; unit_code NULL is the county's own target for the metric.
CREATE TABLE target_plan_item (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    plan_id      BIGINT         NOT NULL,
    unit_code    VARCHAR(64)    NULL,
    metric_code  VARCHAR(40)    NOT NULL,
    target_value DECIMAL(18, 2) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_target_plan_item_plan FOREIGN KEY (plan_id) REFERENCES target_plan (id),
    CONSTRAINT fk_target_plan_item_unit FOREIGN KEY (unit_code) REFERENCES unit (code),
    CONSTRAINT fk_target_plan_item_metric FOREIGN KEY (metric_code) REFERENCES target_metric (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_target_plan_item_plan ON target_plan_item (plan_id);

-- The targets in effect: a unit's annual target on a metric (unit_code '' = the county's).
CREATE TABLE unit_target (
    target_year  INT            NOT NULL,
    unit_code    VARCHAR(64)    NOT NULL,
    metric_code  VARCHAR(40)    NOT NULL,
    target_value DECIMAL(18, 2) NOT NULL,
    plan_id      BIGINT         NOT NULL,
    updated_at   DATETIME(3)    NOT NULL,
    PRIMARY KEY (target_year, unit_code, metric_code),
    CONSTRAINT fk_unit_target_metric FOREIGN KEY (metric_code) REFERENCES target_metric (code),
    CONSTRAINT fk_unit_target_plan FOREIGN KEY (plan_id) REFERENCES target_plan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every change of a target in effect (append only): old and new value, the reason, who drafted and who approved.
CREATE TABLE target_change (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    target_year  INT            NOT NULL,
    unit_code    VARCHAR(64)    NOT NULL,
    metric_code  VARCHAR(40)    NOT NULL,
    old_value    DECIMAL(18, 2) NULL,
    new_value    DECIMAL(18, 2) NOT NULL,
    reason       VARCHAR(2000)  NULL,
    plan_id      BIGINT         NOT NULL,
    requested_by VARCHAR(64)    NOT NULL,
    approved_by  VARCHAR(64)    NOT NULL,
    changed_at   DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_target_change_plan FOREIGN KEY (plan_id) REFERENCES target_plan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_target_change_year ON target_change (target_year, unit_code, changed_at);

-- Funds actually in place (实际到位资金, 万元) of a signed project, recorded by its carrier with the date they arrived.
CREATE TABLE funds_in_place (
    id          BIGINT         NOT NULL AUTO_INCREMENT,
    project_id  BIGINT         NOT NULL,
    amount_wan  DECIMAL(18, 2) NOT NULL,
    in_place_on DATE           NOT NULL,
    evidence    VARCHAR(2000)  NOT NULL,
    recorded_by VARCHAR(64)    NOT NULL,
    recorded_at DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_funds_in_place_project FOREIGN KEY (project_id) REFERENCES project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_funds_in_place_date ON funds_in_place (in_place_on, project_id);

-- An outside office (驻外招商机构, chenzhou §18): where it is posted and since when (the posting is 3 years).
CREATE TABLE outside_office (
    unit_code    VARCHAR(64)  NOT NULL,
    region       VARCHAR(100) NOT NULL,
    posted_from  DATE         NOT NULL,
    posted_until DATE         NULL,
    PRIMARY KEY (unit_code),
    CONSTRAINT fk_outside_office_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The office's visit log (每月拜访企业不少于15家).
CREATE TABLE office_visit (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    unit_code      VARCHAR(64)   NOT NULL,
    visited_on     DATE          NOT NULL,
    company_name   VARCHAR(200)  NOT NULL,
    contact_person VARCHAR(100)  NULL,
    place          VARCHAR(200)  NULL,
    summary        VARCHAR(2000) NOT NULL,
    recorded_by    VARCHAR(64)   NOT NULL,
    recorded_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_office_visit_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_office_visit_unit ON office_visit (unit_code, visited_on);

-- What the assessment calendar did about a unit: an interview (INTERVIEW 约谈, 30 June under 1/2) or an order to go out
-- and attract investment (OFFICE_OUT 离岗招商, 30 September under 3/4) with the report due by 5 October.
CREATE TABLE assessment_action (
    id                  BIGINT         NOT NULL AUTO_INCREMENT,
    action_year         INT            NOT NULL,
    kind                VARCHAR(20)    NOT NULL,
    unit_code           VARCHAR(64)    NOT NULL,
    metric_code         VARCHAR(40)    NOT NULL,
    as_of               DATE           NOT NULL,
    target_value        DECIMAL(18, 2) NOT NULL,
    actual_value        DECIMAL(18, 2) NOT NULL,
    required_fraction   DECIMAL(6, 4)  NOT NULL,
    -- OPEN | DONE
    status              VARCHAR(10)    NOT NULL,
    due_at              DATETIME(3)    NULL,
    overdue_recorded_at DATETIME(3)    NULL,
    late                BOOLEAN        NOT NULL DEFAULT FALSE,
    -- the interview's date and people, or the day the head left and where to
    held_on             DATE           NULL,
    participants        VARCHAR(500)   NULL,
    record              VARCHAR(4000)  NULL,
    measures            VARCHAR(2000)  NULL,
    done_by             VARCHAR(64)    NULL,
    done_at             DATETIME(3)    NULL,
    process_instance_id VARCHAR(64)    NOT NULL,
    created_at          DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_assessment_action UNIQUE (action_year, kind, unit_code),
    CONSTRAINT fk_assessment_action_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Generated documents: the monthly notice (MONTHLY_NOTICE, period 'YYYY-MM', for every unit: unit_code '') and the
-- annual assessment report (ANNUAL_REPORT, period 'YYYY', one per unit).
CREATE TABLE assessment_document (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    kind         VARCHAR(20)  NOT NULL,
    period       VARCHAR(10)  NOT NULL,
    unit_code    VARCHAR(64)  NOT NULL,
    title        VARCHAR(200) NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content      LONGBLOB     NOT NULL,
    -- ANNUAL_REPORT: EXCELLENT_BY_ONE_VOTE 一票评优 | NOT_EXCELLENT 一票否优 | NONE
    verdict      VARCHAR(30)  NULL,
    generated_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_assessment_document UNIQUE (kind, period, unit_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The county head's quarterly dispatch (季调度, tongcheng §26): the quarter's figures as shown and the instructions.
CREATE TABLE quarterly_dispatch (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    dispatch_year       INT           NOT NULL,
    quarter             INT           NOT NULL,
    summary             TEXT          NOT NULL,
    instructions        VARCHAR(4000) NULL,
    dispatched_by       VARCHAR(64)   NULL,
    dispatched_at       DATETIME(3)   NULL,
    process_instance_id VARCHAR(64)   NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_quarterly_dispatch UNIQUE (dispatch_year, quarter)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
