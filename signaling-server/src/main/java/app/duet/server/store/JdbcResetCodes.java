package app.duet.server.store;

import java.time.Instant;
import java.util.Optional;

final class JdbcResetCodes implements ResetCodes {
    private final Jdbc jdbc;

    JdbcResetCodes(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(StoredResetCode code) {
        jdbc.update("""
                INSERT INTO reset_codes (username, code_hash, expires_at, attempts_left) VALUES (?, ?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET code_hash = excluded.code_hash, expires_at = excluded.expires_at,
                    attempts_left = excluded.attempts_left""",
                code.username(), code.codeHash(), code.expiresAt().toEpochMilli(), code.attemptsLeft());
    }

    @Override
    public Optional<StoredResetCode> find(String username) {
        return jdbc.queryOne("SELECT username, code_hash, expires_at, attempts_left FROM reset_codes WHERE username = ?",
                row -> new StoredResetCode(row.getString(1), row.getString(2),
                        Instant.ofEpochMilli(row.getLong(3)), row.getInt(4)),
                username);
    }

    @Override
    public void decrementAttempts(String username) {
        jdbc.update("UPDATE reset_codes SET attempts_left = attempts_left - 1 WHERE username = ?", username);
    }

    @Override
    public void delete(String username) {
        jdbc.update("DELETE FROM reset_codes WHERE username = ?", username);
    }
}
