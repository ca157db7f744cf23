-- Domain schema, version 7: the audit log of administrators' actions (docs/security.md). Append only: the app inserts
-- and reads, never updates or deletes. Written in the same transaction as the change it records, or — for a refused
-- deployment or a refused removal of the last administrator — in a transaction of its own after the refusal.
CREATE TABLE audit_log (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(3)   NOT NULL,
    -- the logged-in user, or 'system' for the app itself (start-up, auto-deployment)
    actor       VARCHAR(64)   NOT NULL,
    -- DEPLOYMENT_CREATED, DEPLOYMENT_REFUSED, USER_CREATED, MEMBERSHIP_REMOVED, AUTHORIZATION_CREATED,
    -- ATTRIBUTION_CORRECTED … (security/AuditAction)
    action      VARCHAR(40)   NOT NULL,
    -- SUCCEEDED or REFUSED
    outcome     VARCHAR(16)   NOT NULL,
    -- what was acted on: a deployment id, a user id, "user → group", an authorization id, a lead id
    target      VARCHAR(255)  NULL,
    details     VARCHAR(4000) NULL,
    -- how it came in: "POST /engine-rest/deployment/create", "DELETE /camunda/api/engine/…"; NULL when the app itself
    -- acted (start-up: roles, grants, the first administrator, the auto-deployment)
    source      VARCHAR(300)  NULL,
    client_ip   VARCHAR(64)   NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_audit_log_time ON audit_log (occurred_at);
CREATE INDEX idx_audit_log_actor ON audit_log (actor, occurred_at);
CREATE INDEX idx_audit_log_action ON audit_log (action, occurred_at);
