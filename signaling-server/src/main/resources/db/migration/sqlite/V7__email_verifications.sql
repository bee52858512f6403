-- E-mail verification of new accounts (docs/decisions/0017-email-verification.md), on servers started with
-- --verify-email. An account with a row here has not verified its address yet and cannot sign in; the row
-- goes when its code is used. Accounts without one (every account made before V7, and those an admin made)
-- count as verified. Only the SHA-256 of the code is stored; a new code replaces the row.
CREATE TABLE email_verifications (
    username      TEXT    NOT NULL PRIMARY KEY REFERENCES accounts (username) ON DELETE CASCADE,
    code_hash     TEXT    NOT NULL,
    sent_at       INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    attempts_left INTEGER NOT NULL
);
