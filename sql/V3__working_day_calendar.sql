-- Domain schema, version 3: the official working-day calendar (工作日), as data an administrator maintains.
-- Weekends are days off and Monday–Friday working days unless a row here says otherwise: statutory holidays
-- (HOLIDAY) and make-up workdays (调休上班, WORKDAY) as the State Council General Office publishes them each year.
-- A year without a calendar_year row is unknown: the app falls back to Monday–Friday and warns.

CREATE TABLE calendar_year (
    year_number INT         NOT NULL,
    -- the notice the year's rows come from
    source     VARCHAR(300) NOT NULL,
    updated_by VARCHAR(64)  NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (year_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE calendar_day (
    calendar_date DATE        NOT NULL,
    -- HOLIDAY: no work although a weekday; WORKDAY: work although a weekend (调休)
    kind VARCHAR(10) NOT NULL,
    name VARCHAR(50) NOT NULL,
    PRIMARY KEY (calendar_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;


-- 2024: 国办发明电〔2023〕7号《国务院办公厅关于2024年部分节假日安排的通知》（2023年10月25日）
INSERT INTO calendar_year (year_number, source, updated_by, updated_at) VALUES (2024, '国办发明电〔2023〕7号《国务院办公厅关于2024年部分节假日安排的通知》（2023年10月25日）', 'migration', '2026-11-23 00:00:00');
INSERT INTO calendar_day (calendar_date, kind, name) VALUES
    ('2024-01-01', 'HOLIDAY', '元旦'),
    ('2024-02-10', 'HOLIDAY', '春节'),
    ('2024-02-11', 'HOLIDAY', '春节'),
    ('2024-02-12', 'HOLIDAY', '春节'),
    ('2024-02-13', 'HOLIDAY', '春节'),
    ('2024-02-14', 'HOLIDAY', '春节'),
    ('2024-02-15', 'HOLIDAY', '春节'),
    ('2024-02-16', 'HOLIDAY', '春节'),
    ('2024-02-17', 'HOLIDAY', '春节'),
    ('2024-02-04', 'WORKDAY', '春节调休上班'),
    ('2024-02-18', 'WORKDAY', '春节调休上班'),
    ('2024-04-04', 'HOLIDAY', '清明节'),
    ('2024-04-05', 'HOLIDAY', '清明节'),
    ('2024-04-06', 'HOLIDAY', '清明节'),
    ('2024-04-07', 'WORKDAY', '清明节调休上班'),
    ('2024-05-01', 'HOLIDAY', '劳动节'),
    ('2024-05-02', 'HOLIDAY', '劳动节'),
    ('2024-05-03', 'HOLIDAY', '劳动节'),
    ('2024-05-04', 'HOLIDAY', '劳动节'),
    ('2024-05-05', 'HOLIDAY', '劳动节'),
    ('2024-04-28', 'WORKDAY', '劳动节调休上班'),
    ('2024-05-11', 'WORKDAY', '劳动节调休上班'),
    ('2024-06-10', 'HOLIDAY', '端午节'),
    ('2024-09-15', 'HOLIDAY', '中秋节'),
    ('2024-09-16', 'HOLIDAY', '中秋节'),
    ('2024-09-17', 'HOLIDAY', '中秋节'),
    ('2024-09-14', 'WORKDAY', '中秋节调休上班'),
    ('2024-10-01', 'HOLIDAY', '国庆节'),
    ('2024-10-02', 'HOLIDAY', '国庆节'),
    ('2024-10-03', 'HOLIDAY', '国庆节'),
    ('2024-10-04', 'HOLIDAY', '国庆节'),
    ('2024-10-05', 'HOLIDAY', '国庆节'),
    ('2024-10-06', 'HOLIDAY', '国庆节'),
    ('2024-10-07', 'HOLIDAY', '国庆节'),
    ('2024-09-29', 'WORKDAY', '国庆节调休上班'),
    ('2024-10-12', 'WORKDAY', '国庆节调休上班');

-- 2025: 国办发明电〔2024〕12号《国务院办公厅关于2025年部分节假日安排的通知》（2024年11月12日）
INSERT INTO calendar_year (year_number, source, updated_by, updated_at) VALUES (2025, '国办发明电〔2024〕12号《国务院办公厅关于2025年部分节假日安排的通知》（2024年11月12日）', 'migration', '2026-11-23 00:00:00');
INSERT INTO calendar_day (calendar_date, kind, name) VALUES
    ('2025-01-01', 'HOLIDAY', '元旦'),
    ('2025-01-28', 'HOLIDAY', '春节'),
    ('2025-01-29', 'HOLIDAY', '春节'),
    ('2025-01-30', 'HOLIDAY', '春节'),
    ('2025-01-31', 'HOLIDAY', '春节'),
    ('2025-02-01', 'HOLIDAY', '春节'),
    ('2025-02-02', 'HOLIDAY', '春节'),
    ('2025-02-03', 'HOLIDAY', '春节'),
    ('2025-02-04', 'HOLIDAY', '春节'),
    ('2025-01-26', 'WORKDAY', '春节调休上班'),
    ('2025-02-08', 'WORKDAY', '春节调休上班'),
    ('2025-04-04', 'HOLIDAY', '清明节'),
    ('2025-04-05', 'HOLIDAY', '清明节'),
    ('2025-04-06', 'HOLIDAY', '清明节'),
    ('2025-05-01', 'HOLIDAY', '劳动节'),
    ('2025-05-02', 'HOLIDAY', '劳动节'),
    ('2025-05-03', 'HOLIDAY', '劳动节'),
    ('2025-05-04', 'HOLIDAY', '劳动节'),
    ('2025-05-05', 'HOLIDAY', '劳动节'),
    ('2025-04-27', 'WORKDAY', '劳动节调休上班'),
    ('2025-05-31', 'HOLIDAY', '端午节'),
    ('2025-06-01', 'HOLIDAY', '端午节'),
    ('2025-06-02', 'HOLIDAY', '端午节'),
    ('2025-10-01', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-02', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-03', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-04', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-05', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-06', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-07', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-08', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-09-28', 'WORKDAY', '国庆节、中秋节调休上班'),
    ('2025-10-11', 'WORKDAY', '国庆节、中秋节调休上班');

-- 2026: 《国务院办公厅关于2026年部分节假日安排的通知》（2025年11月4日，新华社发布）
INSERT INTO calendar_year (year_number, source, updated_by, updated_at) VALUES (2026, '《国务院办公厅关于2026年部分节假日安排的通知》（2025年11月4日，新华社发布）', 'migration', '2026-11-23 00:00:00');
INSERT INTO calendar_day (calendar_date, kind, name) VALUES
    ('2026-01-01', 'HOLIDAY', '元旦'),
    ('2026-01-02', 'HOLIDAY', '元旦'),
    ('2026-01-03', 'HOLIDAY', '元旦'),
    ('2026-01-04', 'WORKDAY', '元旦调休上班'),
    ('2026-02-15', 'HOLIDAY', '春节'),
    ('2026-02-16', 'HOLIDAY', '春节'),
    ('2026-02-17', 'HOLIDAY', '春节'),
    ('2026-02-18', 'HOLIDAY', '春节'),
    ('2026-02-19', 'HOLIDAY', '春节'),
    ('2026-02-20', 'HOLIDAY', '春节'),
    ('2026-02-21', 'HOLIDAY', '春节'),
    ('2026-02-22', 'HOLIDAY', '春节'),
    ('2026-02-23', 'HOLIDAY', '春节'),
    ('2026-02-14', 'WORKDAY', '春节调休上班'),
    ('2026-02-28', 'WORKDAY', '春节调休上班'),
    ('2026-04-04', 'HOLIDAY', '清明节'),
    ('2026-04-05', 'HOLIDAY', '清明节'),
    ('2026-04-06', 'HOLIDAY', '清明节'),
    ('2026-05-01', 'HOLIDAY', '劳动节'),
    ('2026-05-02', 'HOLIDAY', '劳动节'),
    ('2026-05-03', 'HOLIDAY', '劳动节'),
    ('2026-05-04', 'HOLIDAY', '劳动节'),
    ('2026-05-05', 'HOLIDAY', '劳动节'),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班'),
    ('2026-06-19', 'HOLIDAY', '端午节'),
    ('2026-06-20', 'HOLIDAY', '端午节'),
    ('2026-06-21', 'HOLIDAY', '端午节'),
    ('2026-09-25', 'HOLIDAY', '中秋节'),
    ('2026-09-26', 'HOLIDAY', '中秋节'),
    ('2026-09-27', 'HOLIDAY', '中秋节'),
    ('2026-10-01', 'HOLIDAY', '国庆节'),
    ('2026-10-02', 'HOLIDAY', '国庆节'),
    ('2026-10-03', 'HOLIDAY', '国庆节'),
    ('2026-10-04', 'HOLIDAY', '国庆节'),
    ('2026-10-05', 'HOLIDAY', '国庆节'),
    ('2026-10-06', 'HOLIDAY', '国庆节'),
    ('2026-10-07', 'HOLIDAY', '国庆节'),
    ('2026-09-20', 'WORKDAY', '国庆节调休上班'),
    ('2026-10-10', 'WORKDAY', '国庆节调休上班');
