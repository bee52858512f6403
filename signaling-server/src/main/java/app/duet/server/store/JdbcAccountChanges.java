package app.duet.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

final class JdbcAccountChanges implements AccountChanges {
    private final Jdbc jdbc;

    JdbcAccountChanges(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long latest() {
        return jdbc.queryOne("SELECT COALESCE(MAX(seq), 0) FROM account_changes", row -> row.getLong(1)).orElse(0L);
    }

    @Override
    public List<Change> after(long seq, int limit) {
        return jdbc.query("SELECT seq, username, change FROM account_changes WHERE seq > ? ORDER BY seq LIMIT ?",
                row -> new Change(row.getLong(1), row.getString(2), Kind.ofStored(row.getString(3))), seq, limit);
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM account_changes WHERE at < ?", cutoff.toEpochMilli());
    }

    /** Records a change inside the transaction that makes it, so a server sees both or neither. */
    static void record(Connection c, String username, Kind kind, Instant at) throws SQLException {
        Jdbc.update(c, "INSERT INTO account_changes (username, change, at) VALUES (?, ?, ?)",
                username, kind.stored(), at.toEpochMilli());
    }
}
