package app.duet.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

final class JdbcEmailVerifications implements EmailVerifications {
    private final Jdbc jdbc;

    JdbcEmailVerifications(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an account's first code, in the transaction that creates the account. */
    static void insert(Connection c, PendingCode code) throws SQLException {
        Jdbc.update(c, """
                INSERT INTO email_verifications (username, code_hash, sent_at, expires_at, attempts_left)
                VALUES (?, ?, ?, ?, ?)""", code.username(), code.codeHash(), code.sentAt().toEpochMilli(),
                code.expiresAt().toEpochMilli(), code.attemptsLeft());
    }

    @Override
    public Optional<PendingCode> find(String username) {
        return jdbc.queryOne("""
                SELECT username, code_hash, sent_at, expires_at, attempts_left FROM email_verifications
                WHERE username = ?""", row -> new PendingCode(row.getString(1), row.getString(2),
                Instant.ofEpochMilli(row.getLong(3)), Instant.ofEpochMilli(row.getLong(4)), row.getInt(5)), username);
    }

    @Override
    public Replaced replace(PendingCode code, String newEmail) {
        String email = newEmail == null ? null : newEmail.toLowerCase(Locale.ROOT);
        return jdbc.inTransaction(c -> {
            if (email != null && !Jdbc.query(c, "SELECT 1 FROM accounts WHERE email = ? AND username <> ?", row -> 1,
                    email, code.username()).isEmpty()) {
                return Replaced.EMAIL_TAKEN;
            }
            int waiting = Jdbc.update(c, """
                    UPDATE email_verifications SET code_hash = ?, sent_at = ?, expires_at = ?, attempts_left = ?
                    WHERE username = ?""", code.codeHash(), code.sentAt().toEpochMilli(), code.expiresAt().toEpochMilli(),
                    code.attemptsLeft(), code.username());
            if (waiting == 0) {
                return Replaced.NOT_WAITING;
            }
            if (email != null) {
                Jdbc.update(c, "UPDATE accounts SET email = ? WHERE username = ?", email, code.username());
            }
            return Replaced.REPLACED;
        });
    }

    @Override
    public void failedAttempt(String username) {
        jdbc.update("UPDATE email_verifications SET attempts_left = attempts_left - 1 WHERE username = ?", username);
    }

    @Override
    public boolean verified(String username, String codeHash) {
        return jdbc.update("DELETE FROM email_verifications WHERE username = ? AND code_hash = ?", username, codeHash) == 1;
    }
}
