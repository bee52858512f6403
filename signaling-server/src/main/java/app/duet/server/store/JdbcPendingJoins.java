package app.duet.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbcPendingJoins implements PendingJoins {
    private static final String SELECT = """
            SELECT r.username, a.display_name FROM channel_join_requests r
            JOIN accounts a ON a.username = r.username""";

    private final Jdbc jdbc;

    JdbcPendingJoins(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Added add(String channel, String username, Instant at, int maxPending) {
        return jdbc.inTransaction(c -> {
            List<String> waiting = Jdbc.query(c, "SELECT username FROM channel_join_requests WHERE channel = ?",
                    row -> row.getString(1), channel);
            if (waiting.contains(username)) {
                return Added.ALREADY_WAITING;
            }
            if (waiting.size() >= maxPending) {
                return Added.FULL;
            }
            Jdbc.update(c, "INSERT INTO channel_join_requests (channel, username, asked_at) VALUES (?, ?, ?)",
                    channel, username, at.toEpochMilli());
            return Added.ADDED;
        });
    }

    @Override
    public List<Asker> list(String channel) {
        return jdbc.query(SELECT + " WHERE r.channel = ? ORDER BY r.asked_at, r.rowid", JdbcPendingJoins::asker, channel);
    }

    @Override
    public Optional<Asker> take(String channel, String username) {
        return jdbc.inTransaction(c -> {
            List<Asker> found = Jdbc.query(c, SELECT + " WHERE r.channel = ? AND r.username = ?", JdbcPendingJoins::asker,
                    channel, username);
            Jdbc.update(c, "DELETE FROM channel_join_requests WHERE channel = ? AND username = ?", channel, username);
            return found.stream().findFirst();
        });
    }

    private static Asker asker(ResultSet row) throws SQLException {
        return new Asker(row.getString(1), row.getString(2));
    }
}
