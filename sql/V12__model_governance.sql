-- Domain schema, version 12: migrations of running process instances to a new model version (docs/governance.md).
-- Who deployed which version is in audit_log (DEPLOYMENT_CREATED, target = the deployment id); a migration keeps its
-- plan, its Camunda batch and, per instance, whether it was scheduled or why not. What happened to a scheduled
-- instance (migrated, failed and why, still waiting) is read from the engine when the report is shown.
CREATE TABLE process_migration (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    process_key          VARCHAR(255)  NOT NULL,
    source_definition_id VARCHAR(64)   NOT NULL,
    target_definition_id VARCHAR(64)   NOT NULL,
    -- Camunda's batch (runtimeService.newMigration(plan).executeAsync()); NULL when no instance could be scheduled
    batch_id             VARCHAR(64)   NULL,
    -- the instructions as JSON: [{"source":"Task_A","target":"Task_B","updateEventTrigger":false}, …]
    instructions         TEXT          NOT NULL,
    started_by           VARCHAR(64)   NOT NULL,
    started_at           DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_process_migration_key ON process_migration (process_key, started_at);

CREATE TABLE process_migration_instance (
    migration_id        BIGINT        NOT NULL,
    process_instance_id VARCHAR(64)   NOT NULL,
    business_key        VARCHAR(255)  NULL,
    -- true: part of the batch; false: left on its version, reason says why (the engine's validation)
    scheduled           BOOLEAN       NOT NULL,
    reason              VARCHAR(2000) NULL,
    PRIMARY KEY (migration_id, process_instance_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
