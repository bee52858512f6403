-- Calls in progress (accepted, not yet ended), so a restarted server resumes them. Ringing calls are not
-- stored. Session ids are session token hashes (see sessions.token_hash); a session that is gone by the
-- time the server restarts simply never resumes, and the call ends after the grace period.

CREATE TABLE active_calls (
    id             TEXT    NOT NULL PRIMARY KEY,
    channel        TEXT    NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    caller         TEXT    NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    caller_session TEXT    NOT NULL,
    callee         TEXT    NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    callee_session TEXT    NOT NULL,
    media          TEXT    NOT NULL,   -- wire name: audio or video
    accepted_at    INTEGER NOT NULL
);
