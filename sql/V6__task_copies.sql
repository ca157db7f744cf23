-- Domain schema, version 6: 抄送 — a read-only copy of a task for people who should know but do not act (the
-- workbench's 抄送我的). The task itself stays in the engine; a row names who sent it to whom, when, with what note, and
-- when the recipient first opened it.
CREATE TABLE task_copy (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    task_id             VARCHAR(64)   NOT NULL,
    process_instance_id VARCHAR(64)   NULL,
    task_name           VARCHAR(255)  NOT NULL,
    recipient           VARCHAR(64)   NOT NULL,
    sent_by             VARCHAR(64)   NOT NULL,
    note                VARCHAR(2000) NULL,
    sent_at             DATETIME(3)   NOT NULL,
    read_at             DATETIME(3)   NULL,
    PRIMARY KEY (id),
    -- one copy per person and task: copying again to the same person changes nothing
    CONSTRAINT uk_task_copy UNIQUE (task_id, recipient)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_task_copy_recipient ON task_copy (recipient, sent_at);
