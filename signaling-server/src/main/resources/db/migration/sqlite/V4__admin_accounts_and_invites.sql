-- Admin commands (duet-server user / invite). Touches only tables of V1, so it applies after V2 or after a V3.

-- When the admin disabled the account; NULL while it may log in.
ALTER TABLE accounts ADD COLUMN disabled_at INTEGER;

-- Registration invites for --registration invite. Only the SHA-256 of the token is stored; the id is what
-- the admin lists and revokes.
CREATE TABLE registration_invites (
    id         TEXT    NOT NULL PRIMARY KEY,
    token_hash TEXT    NOT NULL UNIQUE,
    max_uses   INTEGER NOT NULL,
    uses       INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
);

-- Account changes made by the admin commands, in order. A running server polls for rows past the last one
-- it has seen and applies them (ends sessions and calls, drops a deleted user from its channels); see
-- docs/decisions/0009-admin-commands.md. Rows carry no secrets; old ones are pruned by the server.
CREATE TABLE account_changes (
    seq      INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    username TEXT    NOT NULL,
    change   TEXT    NOT NULL,   -- disabled, enabled, deleted, renamed, password_set
    at       INTEGER NOT NULL
);
