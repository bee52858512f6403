-- E-mail verification of new accounts; PostgreSQL twin of sqlite/V7, which says more.

CREATE TABLE email_verifications (
    username      TEXT    NOT NULL PRIMARY KEY REFERENCES accounts (username) ON DELETE CASCADE,
    code_hash     TEXT    NOT NULL,
    sent_at       BIGINT  NOT NULL,
    expires_at    BIGINT  NOT NULL,
    attempts_left INTEGER NOT NULL
);
