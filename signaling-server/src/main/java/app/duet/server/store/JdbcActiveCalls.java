package app.duet.server.store;

import app.duet.server.store.ActiveCalls.Side;
import java.time.Instant;
import java.util.List;

final class JdbcActiveCalls implements ActiveCalls {
    private final Jdbc jdbc;

    JdbcActiveCalls(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredCall> loadAll() {
        return jdbc.query("""
                SELECT id, channel, caller, caller_session, callee, callee_session, media, accepted_at
                FROM active_calls ORDER BY accepted_at, id""",
                row -> new StoredCall(row.getString(1), row.getString(2),
                        new Side(row.getString(3), row.getString(4)), new Side(row.getString(5), row.getString(6)),
                        row.getString(7), Instant.ofEpochMilli(row.getLong(8))));
    }

    @Override
    public void add(StoredCall call) {
        jdbc.update("""
                INSERT INTO active_calls (id, channel, caller, caller_session, callee, callee_session, media, accepted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                call.id(), call.channel(), call.caller().username(), call.caller().sessionId(),
                call.callee().username(), call.callee().sessionId(), call.media(), call.acceptedAt().toEpochMilli());
    }

    @Override
    public void remove(String callId) {
        jdbc.update("DELETE FROM active_calls WHERE id = ?", callId);
    }
}
