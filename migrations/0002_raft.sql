-- Raft's own log store: the replicated entries (each a JSON openraft Entry) and its metadata.
CREATE TABLE raft_log (
    log_index INTEGER PRIMARY KEY,
    term      INTEGER NOT NULL,
    entry     TEXT    NOT NULL
);

-- Small durable values of the log store: 'vote', 'committed', 'last_purged' (JSON each).
CREATE TABLE raft_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The state machine's metadata, written in the same transaction as the events it applied:
-- 'last_applied' and 'membership' (JSON each), and 'snapshot' (the last built snapshot).
CREATE TABLE sm_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
