-- Join requests in the database; PostgreSQL twin of sqlite/V6, which says more.

CREATE TABLE channel_join_requests (
    channel  TEXT    NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    username TEXT    NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    asked_at BIGINT  NOT NULL,
    -- SQLite's implicit rowid: the order requests came in, which the list uses to break ties of asked_at.
    rowid    BIGINT  GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (channel, username)
);
