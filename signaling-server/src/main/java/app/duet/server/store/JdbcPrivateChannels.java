package app.duet.server.store;

import java.time.Instant;

final class JdbcPrivateChannels implements PrivateChannels {
    private final Jdbc jdbc;

    JdbcPrivateChannels(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Loaded loadAll() {
        return new Loaded(
                jdbc.query("""
                        SELECT id, channel, token_hash, max_uses, uses, created_at, expires_at, revoked_at
                        FROM channel_invites ORDER BY created_at, id""",
                        row -> new StoredInvite(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
                                row.getInt(5), Instant.ofEpochMilli(row.getLong(6)), Instant.ofEpochMilli(row.getLong(7)),
                                row.getObject(8) != null)),
                jdbc.query("SELECT channel, username FROM channel_removed_members",
                        row -> new RemovedMember(row.getString(1), row.getString(2))),
                jdbc.query("SELECT name FROM channels WHERE locked_at IS NOT NULL", row -> row.getString(1)));
    }

    @Override
    public void addInvite(StoredInvite i) {
        jdbc.update("""
                INSERT INTO channel_invites (id, channel, token_hash, max_uses, uses, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", i.id(), i.channel(), i.tokenHash(), i.maxUses(), i.uses(),
                i.createdAt().toEpochMilli(), i.expiresAt().toEpochMilli());
    }

    @Override
    public void inviteUsed(String id) {
        jdbc.update("UPDATE channel_invites SET uses = uses + 1 WHERE id = ?", id);
    }

    @Override
    public void inviteUseReturned(String id) {
        jdbc.update("UPDATE channel_invites SET uses = uses - 1 WHERE id = ? AND uses > 0", id);
    }

    @Override
    public void revokeInvite(String id, Instant at) {
        jdbc.update("UPDATE channel_invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at.toEpochMilli(), id);
    }

    @Override
    public void forgetInvite(String id) {
        jdbc.update("DELETE FROM channel_invites WHERE id = ?", id);
    }

    @Override
    public void setLocked(String channel, Instant lockedAtOrNull) {
        jdbc.update("UPDATE channels SET locked_at = ? WHERE name = ?",
                lockedAtOrNull == null ? null : lockedAtOrNull.toEpochMilli(), channel);
    }

    @Override
    public void addRemoved(String channel, String username, Instant at) {
        jdbc.update("INSERT INTO channel_removed_members (channel, username, removed_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (channel, username) DO UPDATE SET removed_at = excluded.removed_at",
                channel, username, at.toEpochMilli());
    }

    @Override
    public void clearRemoved(String channel, String username) {
        jdbc.update("DELETE FROM channel_removed_members WHERE channel = ? AND username = ?", channel, username);
    }
}
