-- Private channels (docs/decisions/0013-private-channels.md): joining needs an owner's invite or approval.
-- Existing channels become private too, members kept; touches only tables of V1.

-- When the owner locked the channel (nobody joins, not even with an invite); NULL while unlocked.
ALTER TABLE channels ADD COLUMN locked_at INTEGER;

-- Only the SHA-256 of an invite token is stored; the id is what the owner lists and revokes. Spent,
-- expired and revoked invites are kept (a bounded number per channel) so a late joiner learns which.
CREATE TABLE channel_invites (
    id         TEXT    NOT NULL PRIMARY KEY,
    channel    TEXT    NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    token_hash TEXT    NOT NULL UNIQUE,
    max_uses   INTEGER NOT NULL,
    uses       INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX channel_invites_by_channel ON channel_invites (channel);

-- Members the owner removed: no invite lets them back, only the owner's approval of a join request.
CREATE TABLE channel_removed_members (
    channel    TEXT    NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    username   TEXT    NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    removed_at INTEGER NOT NULL,
    PRIMARY KEY (channel, username)
);
