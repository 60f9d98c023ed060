-- The election log. Append-only: rows are inserted by the state machine and never updated.
CREATE TABLE events (
    seq      INTEGER PRIMARY KEY,   -- gapless from 1
    lamport  INTEGER NOT NULL,
    node_id  INTEGER NOT NULL,      -- the node that received the command
    time_ms  INTEGER NOT NULL,      -- that node's synchronised clock at receipt
    kind     TEXT    NOT NULL,      -- payload type, for humans and SQL audits
    payload  TEXT    NOT NULL       -- the shared::EventPayload as JSON
);

-- Refuse edits and deletions: the log is the audit trail. Snapshot installation replaces the
-- whole log through the `log_reset` flag table below, never row by row.
CREATE TABLE log_reset (allowed INTEGER NOT NULL);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
WHEN NOT EXISTS (SELECT 1 FROM log_reset WHERE allowed = 1)
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;
