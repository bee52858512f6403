package app.duet.server.store;

import app.duet.server.store.AccountChanges.Kind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class JdbcAccountAdmin implements AccountAdmin {
    private final Jdbc jdbc;

    JdbcAccountAdmin(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Integer> disable(String username, Instant at) {
        return jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "UPDATE accounts SET disabled_at = COALESCE(disabled_at, ?) WHERE username = ?",
                    at.toEpochMilli(), username) == 0) {
                return Optional.empty();
            }
            Jdbc.update(c, "DELETE FROM reset_codes WHERE username = ?", username);
            int ended = endSessions(c, username);
            JdbcAccountChanges.record(c, username, Kind.DISABLED, at);
            return Optional.of(ended);
        });
    }

    @Override
    public boolean enable(String username, Instant at) {
        return jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "UPDATE accounts SET disabled_at = NULL WHERE username = ?", username) == 0) {
                return false;
            }
            JdbcAccountChanges.record(c, username, Kind.ENABLED, at);
            return true;
        });
    }

    @Override
    public Optional<Deletion> delete(String username, Instant at) {
        return jdbc.inTransaction(c -> {
            if (Jdbc.query(c, "SELECT 1 FROM accounts WHERE username = ?", row -> 1, username).isEmpty()) {
                return Optional.empty();
            }
            List<String> handedOver = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            for (String channel : Jdbc.query(c, "SELECT name FROM channels WHERE owner = ? ORDER BY name",
                    row -> row.getString(1), username)) {
                // The same rule as an owner leaving: the other member (the earliest to join) takes it over.
                Optional<String> heir = Jdbc.query(c, """
                        SELECT username FROM channel_members WHERE channel = ? AND username <> ?
                        ORDER BY joined_at, rowid LIMIT 1""", row -> row.getString(1), channel, username)
                        .stream().findFirst();
                if (heir.isPresent()) {
                    Jdbc.update(c, "UPDATE channels SET owner = ? WHERE name = ?", heir.get(), channel);
                    handedOver.add(channel);
                } else {
                    deleted.add(channel);
                }
            }
            int ended = endSessions(c, username);
            // Cascades to the channels left without a member, memberships, reset code and stored calls.
            Jdbc.update(c, "DELETE FROM accounts WHERE username = ?", username);
            JdbcAccountChanges.record(c, username, Kind.DELETED, at);
            return Optional.of(new Deletion(handedOver, deleted, ended));
        });
    }

    @Override
    public boolean rename(String username, String displayName, Instant at) {
        return jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "UPDATE accounts SET display_name = ? WHERE username = ?", displayName, username) == 0) {
                return false;
            }
            JdbcAccountChanges.record(c, username, Kind.RENAMED, at);
            return true;
        });
    }

    @Override
    public Optional<Integer> setPasswordHash(String username, String passwordHash, Instant at) {
        return jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "UPDATE accounts SET password_hash = ? WHERE username = ?", passwordHash, username) == 0) {
                return Optional.empty();
            }
            Jdbc.update(c, "DELETE FROM reset_codes WHERE username = ?", username);
            int ended = endSessions(c, username);
            JdbcAccountChanges.record(c, username, Kind.PASSWORD_SET, at);
            return Optional.of(ended);
        });
    }

    private static int endSessions(Connection c, String username) throws SQLException {
        return Jdbc.update(c, "DELETE FROM sessions WHERE username = ?", username);
    }
}
