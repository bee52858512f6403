-- Duet schema, version 1 (PostgreSQL twin of sqlite/V1). Times are milliseconds since the Unix epoch.

CREATE TABLE accounts (
    username      TEXT   NOT NULL PRIMARY KEY,
    display_name  TEXT   NOT NULL,
    email         TEXT   NOT NULL UNIQUE,   -- stored lower-case
    password_hash TEXT   NOT NULL,          -- bcrypt of base64(sha256(password))
    created_at    BIGINT NOT NULL
);

-- Only the SHA-256 of a session token is stored; the token itself exists only on the client.
CREATE TABLE sessions (
    token_hash TEXT   NOT NULL PRIMARY KEY,
    username   TEXT   NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_username ON sessions (username);

CREATE TABLE channels (
    name       TEXT   NOT NULL PRIMARY KEY,
    owner      TEXT   NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);

CREATE TABLE channel_members (
    channel   TEXT   NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    username  TEXT   NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    joined_at BIGINT NOT NULL,
    -- SQLite's implicit rowid: the order members joined in, which queries use to break ties of joined_at.
    rowid     BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (channel, username)
);

-- At most one live reset code per account, stored hashed.
CREATE TABLE reset_codes (
    username      TEXT    NOT NULL PRIMARY KEY REFERENCES accounts (username) ON DELETE CASCADE,
    code_hash     TEXT    NOT NULL,
    expires_at    BIGINT  NOT NULL,
    attempts_left INTEGER NOT NULL
);
