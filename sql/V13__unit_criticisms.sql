-- Domain schema, version 13: 被批评通报 (panan-2022 §四.(二)): a unit criticised in a notice of the county's leading
-- group office for not completing an assigned task in time, holding up the attraction or the progress of a major
-- project. The criticism makes the unit's annual assessment 一票否优 (no excellent rating that year). Recorded by the
-- investment center (the leading group's office) or the supervision office; append only.
CREATE TABLE unit_criticism (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    unit_code       VARCHAR(64)   NOT NULL,
    criticised_on   DATE          NOT NULL,
    document_number VARCHAR(100)  NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    recorded_by     VARCHAR(64)   NOT NULL,
    recorded_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    -- one notice names a unit once
    CONSTRAINT uk_unit_criticism UNIQUE (unit_code, document_number),
    CONSTRAINT fk_unit_criticism_unit FOREIGN KEY (unit_code) REFERENCES unit (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX idx_unit_criticism_day ON unit_criticism (criticised_on);
