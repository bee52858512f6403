-- Join requests in the database (docs/decisions/0013-private-channels.md): every node of a server that
-- shares one database sees the same pending requests, and they survive a restart. Invites were stored
-- since V5; from V6 on the database, not a node's memory, is what decides whether an invite works.

-- A non-member waiting for the owner's answer; at most a few per channel (the server's limit).
CREATE TABLE channel_join_requests (
    channel  TEXT    NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    username TEXT    NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    asked_at INTEGER NOT NULL,
    PRIMARY KEY (channel, username)
);
