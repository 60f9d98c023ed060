-- Many elections in one log: every event names its election, and each election's events are
-- numbered gapless from 1. `pos` keeps the order events were applied in across elections.
-- Every existing event belongs to the original election, `default`, with its seq unchanged.
CREATE TABLE events_by_election (
    pos         INTEGER PRIMARY KEY,    -- apply order across all elections
    election_id TEXT    NOT NULL,
    seq         INTEGER NOT NULL,       -- gapless from 1 within the election
    lamport     INTEGER NOT NULL,
    node_id     INTEGER NOT NULL,
    time_ms     INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    UNIQUE (election_id, seq)
);

INSERT INTO events_by_election (pos, election_id, seq, lamport, node_id, time_ms, kind, payload)
SELECT seq, 'default', seq, lamport, node_id, time_ms, kind, payload FROM events ORDER BY seq;

-- Dropping a table drops its triggers without firing them.
DROP TABLE events;
ALTER TABLE events_by_election RENAME TO events;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
WHEN NOT EXISTS (SELECT 1 FROM log_reset WHERE allowed = 1)
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;
