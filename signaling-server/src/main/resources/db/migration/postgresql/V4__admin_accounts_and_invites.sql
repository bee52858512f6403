-- Admin commands (duet-server user / invite); PostgreSQL twin of sqlite/V4, which says more.

ALTER TABLE accounts ADD COLUMN disabled_at BIGINT;

CREATE TABLE registration_invites (
    id         TEXT    NOT NULL PRIMARY KEY,
    token_hash TEXT    NOT NULL UNIQUE,
    max_uses   INTEGER NOT NULL,
    uses       INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE account_changes (
    seq      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username TEXT   NOT NULL,
    change   TEXT   NOT NULL,   -- disabled, enabled, deleted, renamed, password_set
    at       BIGINT NOT NULL
);
