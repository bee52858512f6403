-- Every call, one row when it ends (PostgreSQL twin of sqlite/V3, which says more).

CREATE TABLE call_history (
    seq            BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- the paging cursor: newest first
    call_id        TEXT    NOT NULL,
    channel        TEXT    NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    caller         TEXT    NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    callee         TEXT    NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    media          TEXT    NOT NULL,
    outcome        TEXT    NOT NULL,
    started_at     BIGINT  NOT NULL,
    answered_at    BIGINT,             -- null: never answered
    ended_at       BIGINT  NOT NULL,
    missed         INTEGER NOT NULL,             -- 1: a call to the callee they neither answered nor declined
    seen           INTEGER NOT NULL DEFAULT 0,   -- 1 once the callee marked the missed call seen
    caller_cleared INTEGER NOT NULL DEFAULT 0,
    callee_cleared INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX call_history_by_caller ON call_history (caller, seq);
CREATE INDEX call_history_by_callee ON call_history (callee, seq);
CREATE INDEX call_history_unseen ON call_history (callee, seq) WHERE missed = 1 AND seen = 0;
CREATE INDEX call_history_by_ended ON call_history (ended_at);
