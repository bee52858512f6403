package app.duet.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbcRegistrationInvites implements RegistrationInvites {
    private static final String COLUMNS = "id, max_uses, uses, created_at, expires_at, revoked_at";
    private final Jdbc jdbc;

    JdbcRegistrationInvites(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(Invite i, String tokenHash) {
        jdbc.update("INSERT INTO registration_invites (" + COLUMNS + ", token_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                i.id(), i.maxUses(), i.uses(), i.createdAt().toEpochMilli(), i.expiresAt().toEpochMilli(),
                i.revokedAt() == null ? null : i.revokedAt().toEpochMilli(), tokenHash);
    }

    @Override
    public List<Invite> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM registration_invites ORDER BY created_at DESC, id",
                JdbcRegistrationInvites::invite);
    }

    @Override
    public Optional<Invite> find(String id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM registration_invites WHERE id = ?",
                JdbcRegistrationInvites::invite, id);
    }

    @Override
    public boolean revoke(String id, Instant at) {
        return jdbc.update("UPDATE registration_invites SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?",
                at.toEpochMilli(), id) > 0;
    }

    private static Invite invite(ResultSet row) throws SQLException {
        long revokedAt = row.getLong(6);
        Instant revoked = row.wasNull() ? null : Instant.ofEpochMilli(revokedAt);
        return new Invite(row.getString(1), row.getInt(2), row.getInt(3), Instant.ofEpochMilli(row.getLong(4)),
                Instant.ofEpochMilli(row.getLong(5)), revoked);
    }
}
