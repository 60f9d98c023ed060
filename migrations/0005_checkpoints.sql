-- What this member signed: each co-signed checkpoint of an election's public log, the leaf
-- hashes of that log as they were when signed, and the members' public keys as gathered.
-- Local to the member (not replicated, not in snapshots): `ballot audit --data-dir` checks the
-- events against them, so a row changed, removed or reordered after signing is found by index.
CREATE TABLE checkpoints (
    election_id   TEXT    NOT NULL,
    tree_size     INTEGER NOT NULL,
    timestamp_ms  INTEGER NOT NULL,
    body          TEXT    NOT NULL,   -- the checkpoint's JSON, signatures included
    PRIMARY KEY (election_id, tree_size, timestamp_ms)
);

CREATE TABLE public_leaves (
    election_id TEXT    NOT NULL,
    idx         INTEGER NOT NULL,     -- 0-based leaf index
    hash        BLOB    NOT NULL,     -- SHA-256(0x00 || canonical line)
    PRIMARY KEY (election_id, idx)
);

-- Every key each member has shown: a member whose data directory was wiped makes a new one,
-- and the checkpoints it signed before still verify with the old.
CREATE TABLE log_keys (
    node_id        INTEGER NOT NULL,
    public_key_hex TEXT    NOT NULL,
    voter          INTEGER NOT NULL DEFAULT 1,   -- 0 for the tally learner
    PRIMARY KEY (node_id, public_key_hex)
);
