-- Domain schema, version 5: an enterprise appeal's answer deadline fixed at receipt, and the ledger of appeals with the
-- supervision office's opinions (督办意见) in it.

-- chenzhou §15: the answer is due within 7 working days of receipt. The due day is computed once, when the appeal is
-- registered, so the time it waits for acceptance counts; the answer is overdue when that day has ended (Beijing time).
-- It replaces due_at, which was set only on acceptance; rows accepted before keep their day.
ALTER TABLE enterprise_appeal ADD COLUMN answer_due_on DATE NULL;
UPDATE enterprise_appeal SET answer_due_on = CAST(due_at AS DATE) WHERE due_at IS NOT NULL;
ALTER TABLE enterprise_appeal DROP COLUMN due_at;

-- The ledger covers enterprise appeals too (tongcheng §22 受理、交办、督办、反馈): an event belongs to a lead, a project, an
-- appeal, or an appeal and the project it is about (it then shows in both).
ALTER TABLE ledger_event ADD COLUMN appeal_id BIGINT NULL;
ALTER TABLE ledger_event ADD CONSTRAINT fk_ledger_event_appeal FOREIGN KEY (appeal_id) REFERENCES enterprise_appeal (id);
CREATE INDEX idx_ledger_event_appeal ON ledger_event (appeal_id, occurred_at);

-- A 督办意见 (up to 2000 characters) with what was supervised does not fit the old 2000.
ALTER TABLE ledger_event MODIFY COLUMN note VARCHAR(4000) NULL;
