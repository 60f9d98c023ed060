-- The first decision for each idempotency key (the state machine's memory of answers), written
-- in the same transaction as the events of the batch that decided it. Bounded: the oldest rows
-- (lowest pos) are deleted as new keys arrive. Snapshots carry the rows in pos order.
CREATE TABLE replies (
    pos         INTEGER PRIMARY KEY,   -- the order keys were remembered in
    key         TEXT    NOT NULL UNIQUE,
    fingerprint TEXT    NOT NULL,      -- SHA-256 of the request that first used the key
    decision    TEXT    NOT NULL       -- JSON: {"Ok": [events]} or {"Err": refusal}
);
