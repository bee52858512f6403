package app.duet.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbcSessions implements Sessions {
    private final Jdbc jdbc;

    JdbcSessions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(StoredSession s) {
        jdbc.update("INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)",
                s.tokenHash(), s.username(), s.createdAt().toEpochMilli(), s.expiresAt().toEpochMilli());
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        return jdbc.queryOne("SELECT token_hash, username, created_at, expires_at FROM sessions WHERE token_hash = ?",
                JdbcSessions::session, tokenHash);
    }

    @Override
    public List<StoredSession> listOf(String username, int limit) {
        return jdbc.query("""
                SELECT token_hash, username, created_at, expires_at FROM sessions WHERE username = ?
                ORDER BY created_at DESC, token_hash LIMIT ?""", JdbcSessions::session, username, limit);
    }

    private static StoredSession session(ResultSet row) throws SQLException {
        return new StoredSession(row.getString(1), row.getString(2),
                Instant.ofEpochMilli(row.getLong(3)), Instant.ofEpochMilli(row.getLong(4)));
    }

    @Override
    public boolean extend(String tokenHash, Instant expiresAt) {
        return jdbc.update("UPDATE sessions SET expires_at = ? WHERE token_hash = ?", expiresAt.toEpochMilli(), tokenHash) > 0;
    }

    @Override
    public boolean delete(String tokenHash) {
        return jdbc.update("DELETE FROM sessions WHERE token_hash = ?", tokenHash) > 0;
    }

    @Override
    public List<String> deleteAllOf(String username, String keepTokenHash) {
        String keep = keepTokenHash == null ? "" : keepTokenHash;
        return jdbc.inTransaction(c -> {
            List<String> hashes = Jdbc.query(c, "SELECT token_hash FROM sessions WHERE username = ? AND token_hash <> ?",
                    row -> row.getString(1), username, keep);
            Jdbc.update(c, "DELETE FROM sessions WHERE username = ? AND token_hash <> ?", username, keep);
            return hashes;
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.update("DELETE FROM sessions WHERE expires_at <= ?", now.toEpochMilli());
    }
}
