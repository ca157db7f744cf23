-- Domain schema, version 9: a client's retry of the same request (Idempotency-Key header on POST/PUT of /api/**)
-- answers what the first one answered instead of doing it twice. One row per user and key: while the first request
-- runs its status is NULL; a refused request (4xx/5xx) leaves no row, so the corrected request may use the key again.
CREATE TABLE idempotent_request (
    user_id         VARCHAR(64)   NOT NULL,
    idempotency_key VARCHAR(100)  NOT NULL,
    method          VARCHAR(10)   NOT NULL,
    path            VARCHAR(500)  NOT NULL,
    -- SHA-256 of the body, hex: the same key with another body is a client's mistake, not a retry
    request_hash    CHAR(64)      NOT NULL,
    status          INT           NULL,
    content_type    VARCHAR(200)  NULL,
    location        VARCHAR(500)  NULL,
    response_body   MEDIUMTEXT    NULL,
    created_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_idempotent_request_created ON idempotent_request (created_at);
