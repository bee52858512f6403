-- Every call, one row when it ends (docs/protocol.md, "Call history", defines the outcomes). A member who
-- clears their history only hides the rows from themselves; a row both have cleared is deleted. Rows older
-- than the retention (--history-days) are purged. Deleting a channel deletes its history.

CREATE TABLE call_history (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,   -- the paging cursor: newest first is seq DESC
    call_id        TEXT    NOT NULL,
    channel        TEXT    NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    caller         TEXT    NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    callee         TEXT    NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    media          TEXT    NOT NULL,   -- wire name: audio or video
    outcome        TEXT    NOT NULL,   -- wire name: answered, missed, declined, no_answer, busy, cancelled, disconnected
    started_at     INTEGER NOT NULL,
    answered_at    INTEGER,            -- null: never answered
    ended_at       INTEGER NOT NULL,
    missed         INTEGER NOT NULL,             -- 1: a call to the callee they neither answered nor declined
    seen           INTEGER NOT NULL DEFAULT 0,   -- 1 once the callee marked the missed call seen
    caller_cleared INTEGER NOT NULL DEFAULT 0,
    callee_cleared INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX call_history_by_caller ON call_history (caller, seq);
CREATE INDEX call_history_by_callee ON call_history (callee, seq);
CREATE INDEX call_history_unseen ON call_history (callee, seq) WHERE missed = 1 AND seen = 0;
CREATE INDEX call_history_by_ended ON call_history (ended_at);
