package app.duet.server.store;

import app.duet.server.store.Channels.Member;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

final class JdbcCallHistory implements CallHistory {
    /** The columns {@link #row} reads, with both members' display names. */
    private static final String SELECT = """
            SELECT h.seq, h.call_id, h.channel, h.caller, h.callee, h.media, h.outcome, h.started_at,
                   h.answered_at, h.ended_at, h.missed, h.seen, a.display_name, b.display_name
            FROM call_history h JOIN accounts a ON a.username = h.caller JOIN accounts b ON b.username = h.callee
            """;
    /** Calls the member took part in and has not cleared; parameters: username twice. */
    private static final String MINE = "((h.caller = ? AND h.caller_cleared = 0) OR (h.callee = ? AND h.callee_cleared = 0))";

    private final Jdbc jdbc;

    JdbcCallHistory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(FinishedCall c) {
        jdbc.update("""
                INSERT INTO call_history (call_id, channel, caller, callee, media, outcome, started_at, answered_at,
                                          ended_at, missed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                c.callId(), c.channel(), c.caller(), c.callee(), c.media(), c.outcome(), c.startedAt().toEpochMilli(),
                c.answeredAt() == null ? null : c.answeredAt().toEpochMilli(), c.endedAt().toEpochMilli(),
                c.missed() ? 1 : 0);
    }

    @Override
    public List<Row> read(Query q) {
        return jdbc.query(SELECT + "WHERE " + MINE + " AND (CAST(? AS TEXT) IS NULL OR h.channel = ?) AND h.seq < ?"
                        + " ORDER BY h.seq DESC LIMIT ?", JdbcCallHistory::row,
                q.username(), q.username(), q.channel(), q.channel(), q.before(), q.limit());
    }

    @Override
    public List<Row> unseenMissed(String username, String channel, int limit) {
        return jdbc.query(SELECT + """
                WHERE h.callee = ? AND h.callee_cleared = 0 AND h.missed = 1 AND h.seen = 0
                  AND (CAST(? AS TEXT) IS NULL OR h.channel = ?)
                ORDER BY h.seq DESC LIMIT ?""", JdbcCallHistory::row,
                username, channel, channel, limit);
    }

    @Override
    public int markSeen(String username, String channel) {
        return jdbc.update("UPDATE call_history SET seen = 1 WHERE callee = ? AND missed = 1 AND seen = 0"
                + " AND (CAST(? AS TEXT) IS NULL OR channel = ?)", username, channel, channel);
    }

    @Override
    public int clear(String username, String channel) {
        return jdbc.inTransaction(c -> {
            int cleared = Jdbc.update(c, "UPDATE call_history SET caller_cleared = 1 WHERE caller = ? AND caller_cleared = 0"
                    + " AND (CAST(? AS TEXT) IS NULL OR channel = ?)", username, channel, channel)
                    + Jdbc.update(c, "UPDATE call_history SET callee_cleared = 1 WHERE callee = ? AND callee_cleared = 0"
                    + " AND (CAST(? AS TEXT) IS NULL OR channel = ?)", username, channel, channel);
            // Nobody can see these any more.
            Jdbc.update(c, "DELETE FROM call_history WHERE caller_cleared = 1 AND callee_cleared = 1");
            return cleared;
        });
    }

    @Override
    public int purgeEndedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM call_history WHERE ended_at < ?", cutoff.toEpochMilli());
    }

    private static Row row(ResultSet r) throws SQLException {
        long answered = r.getLong(9);
        Instant answeredAt = r.wasNull() ? null : Instant.ofEpochMilli(answered);
        FinishedCall call = new FinishedCall(r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), Instant.ofEpochMilli(r.getLong(8)), answeredAt,
                Instant.ofEpochMilli(r.getLong(10)), r.getInt(11) == 1);
        return new Row(r.getLong(1), call, new Member(r.getString(4), r.getString(13)),
                new Member(r.getString(5), r.getString(14)), r.getInt(12) == 1);
    }
}
