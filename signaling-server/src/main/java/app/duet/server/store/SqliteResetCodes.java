package app.duet.server.store;

import java.time.Instant;
import java.util.Optional;

final class SqliteResetCodes implements ResetCodes {
    private final Jdbc jdbc;

    SqliteResetCodes(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(StoredResetCode code) {
        jdbc.update("INSERT OR REPLACE INTO reset_codes (username, code_hash, expires_at, attempts_left) VALUES (?, ?, ?, ?)",
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
