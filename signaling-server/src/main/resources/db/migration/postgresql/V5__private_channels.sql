-- Private channels; PostgreSQL twin of sqlite/V5, which says more.

ALTER TABLE channels ADD COLUMN locked_at BIGINT;

CREATE TABLE channel_invites (
    id         TEXT    NOT NULL PRIMARY KEY,
    channel    TEXT    NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    token_hash TEXT    NOT NULL UNIQUE,
    max_uses   INTEGER NOT NULL,
    uses       INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX channel_invites_by_channel ON channel_invites (channel);

CREATE TABLE channel_removed_members (
    channel    TEXT    NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    username   TEXT    NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    removed_at BIGINT  NOT NULL,
    PRIMARY KEY (channel, username)
);
