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
                jdbc.query("SELECT channel, username FROM channel_removed_members",
                        row -> new RemovedMember(row.getString(1), row.getString(2))),
                jdbc.query("SELECT name FROM channels WHERE locked_at IS NOT NULL", row -> row.getString(1)));
    }

    @Override
    public Loaded load(String channel) {
        return new Loaded(
                jdbc.query("SELECT channel, username FROM channel_removed_members WHERE channel = ?",
                        row -> new RemovedMember(row.getString(1), row.getString(2)), channel),
                jdbc.query("SELECT name FROM channels WHERE name = ? AND locked_at IS NOT NULL", row -> row.getString(1),
                        channel));
    }

    @Override
    public void setLocked(String channel, Instant lockedAtOrNull) {
        jdbc.update("UPDATE channels SET locked_at = ? WHERE name = ?",
                lockedAtOrNull == null ? null : lockedAtOrNull.toEpochMilli(), channel);
    }

    @Override
    public void addRemoved(String channel, String username, Instant at) {
        // A write transaction (SqlDialect#serialiseWrites), so the channel cannot go between the check and the insert.
        jdbc.inTransaction(c -> Jdbc.update(c, "INSERT INTO channel_removed_members (channel, username, removed_at)"
                        + " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM channels WHERE name = ?)"
                        + " ON CONFLICT (channel, username) DO UPDATE SET removed_at = excluded.removed_at",
                channel, username, at.toEpochMilli(), channel));
    }

    @Override
    public void clearRemoved(String channel, String username) {
        jdbc.update("DELETE FROM channel_removed_members WHERE channel = ? AND username = ?", channel, username);
    }
}
