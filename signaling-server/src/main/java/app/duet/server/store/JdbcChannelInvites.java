package app.duet.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

final class JdbcChannelInvites implements ChannelInvites {
    private static final String COLUMNS = "id, channel, token_hash, max_uses, uses, created_at, expires_at, revoked_at";
    private static final String USABLE = "revoked_at IS NULL AND uses < max_uses AND expires_at > ?";

    private final Jdbc jdbc;

    JdbcChannelInvites(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(StoredInvite i, int maxLive, int maxKept, Instant now) {
        long at = now.toEpochMilli();
        return jdbc.inTransaction(c -> {
            List<Long> live = Jdbc.query(c, "SELECT COUNT(*) FROM channel_invites WHERE channel = ? AND " + USABLE,
                    row -> row.getLong(1), i.channel(), at);
            if (live.get(0) >= maxLive) {
                return false;
            }
            List<String> spent = Jdbc.query(c, "SELECT id FROM channel_invites WHERE channel = ? AND NOT (" + USABLE
                    + ") ORDER BY created_at, id", row -> row.getString(1), i.channel(), at);
            long kept = live.get(0) + spent.size();
            for (int k = 0; k <= kept - maxKept; k++) {
                Jdbc.update(c, "DELETE FROM channel_invites WHERE id = ?", spent.get(k));
            }
            Jdbc.update(c, "INSERT INTO channel_invites (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                    i.id(), i.channel(), i.tokenHash(), i.maxUses(), i.uses(), i.createdAt().toEpochMilli(),
                    i.expiresAt().toEpochMilli());
            return true;
        });
    }

    @Override
    public List<StoredInvite> usable(String channel, Instant now) {
        return jdbc.query("SELECT " + COLUMNS + " FROM channel_invites WHERE channel = ? AND " + USABLE
                + " ORDER BY created_at DESC, id DESC", JdbcChannelInvites::invite, channel, now.toEpochMilli());
    }

    @Override
    public Use use(String channel, String tokenHash, Instant now) {
        return jdbc.inTransaction(c -> {
            List<StoredInvite> found = Jdbc.query(c, "SELECT " + COLUMNS
                    + " FROM channel_invites WHERE token_hash = ? AND channel = ?", JdbcChannelInvites::invite,
                    tokenHash, channel);
            if (found.isEmpty()) {
                return new Use(Outcome.UNKNOWN, null);
            }
            StoredInvite invite = found.get(0);
            Outcome outcome = invite.revoked() ? Outcome.REVOKED
                    : !now.isBefore(invite.expiresAt()) ? Outcome.EXPIRED
                    : invite.uses() >= invite.maxUses() ? Outcome.USED_UP
                    : Outcome.USED;
            if (outcome == Outcome.USED) {
                Jdbc.update(c, "UPDATE channel_invites SET uses = uses + 1 WHERE id = ?", invite.id());
            }
            return new Use(outcome, invite.id());
        });
    }

    @Override
    public void giveBack(String inviteId) {
        jdbc.update("UPDATE channel_invites SET uses = uses - 1 WHERE id = ? AND uses > 0", inviteId);
    }

    @Override
    public boolean revoke(String channel, String inviteId, Instant at) {
        return jdbc.update("UPDATE channel_invites SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND channel = ?",
                at.toEpochMilli(), inviteId, channel) == 1;
    }

    private static StoredInvite invite(ResultSet row) throws SQLException {
        return new StoredInvite(row.getString(1), row.getString(2), row.getString(3), row.getInt(4), row.getInt(5),
                Instant.ofEpochMilli(row.getLong(6)), Instant.ofEpochMilli(row.getLong(7)), row.getObject(8) != null);
    }
}
