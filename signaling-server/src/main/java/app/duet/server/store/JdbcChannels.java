package app.duet.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbcChannels implements Channels {
    private final Jdbc jdbc;

    JdbcChannels(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredChannel> loadAll() {
        return query("");
    }

    @Override
    public Optional<StoredChannel> load(String name) {
        return query("WHERE c.name = ?", name).stream().findFirst();
    }

    /** The channels that {@code where} selects, with their members in joining order. */
    private List<StoredChannel> query(String where, Object... args) {
        record Row(String channel, String owner, String username, String displayName) {
        }
        List<Row> rows = jdbc.query("""
                SELECT c.name, c.owner, m.username, a.display_name
                FROM channels c
                LEFT JOIN channel_members m ON m.channel = c.name
                LEFT JOIN accounts a ON a.username = m.username
                """ + where + " ORDER BY c.name, m.joined_at, m.rowid",
                row -> new Row(row.getString(1), row.getString(2), row.getString(3), row.getString(4)), args);
        Map<String, String> owners = new LinkedHashMap<>();
        Map<String, List<Member>> members = new LinkedHashMap<>();
        for (Row row : rows) {
            owners.put(row.channel(), row.owner());
            List<Member> list = members.computeIfAbsent(row.channel(), k -> new ArrayList<>());
            if (row.username() != null) {
                list.add(new Member(row.username(), row.displayName()));
            }
        }
        List<StoredChannel> channels = new ArrayList<>();
        owners.forEach((name, owner) -> channels.add(new StoredChannel(name, owner, members.get(name))));
        return channels;
    }

    @Override
    public Optional<Refusal> create(String name, String owner, Instant at, int maxOwned) {
        return jdbc.inTransaction(c -> {
            if (!Jdbc.query(c, "SELECT 1 FROM channels WHERE name = ?", row -> 1, name).isEmpty()) {
                return Optional.of(Refusal.NAME_TAKEN);
            }
            if (count(c, "SELECT COUNT(*) FROM channels WHERE owner = ?", owner) >= maxOwned) {
                return Optional.of(Refusal.OWNS_TOO_MANY);
            }
            Jdbc.update(c, "INSERT INTO channels (name, owner, created_at) VALUES (?, ?, ?)", name, owner, at.toEpochMilli());
            Jdbc.update(c, "INSERT INTO channel_members (channel, username, joined_at) VALUES (?, ?, ?)",
                    name, owner, at.toEpochMilli());
            return Optional.empty();
        });
    }

    /** In one write transaction (SqlDialect#serialiseWrites), so two nodes' joins are checked one after the other. */
    @Override
    public Optional<Refusal> addMember(String name, String username, Instant at, int maxMembers) {
        return jdbc.inTransaction(c -> {
            List<Boolean> locked = Jdbc.query(c, "SELECT locked_at FROM channels WHERE name = ?",
                    row -> row.getObject(1) != null, name);
            if (locked.isEmpty()) {
                return Optional.of(Refusal.NO_CHANNEL);
            }
            List<String> members = members(c, name);
            if (members.contains(username)) {
                return Optional.empty();
            }
            if (locked.get(0)) {
                return Optional.of(Refusal.LOCKED);
            }
            if (members.size() >= maxMembers) {
                return Optional.of(Refusal.FULL);
            }
            Jdbc.update(c, "INSERT INTO channel_members (channel, username, joined_at) VALUES (?, ?, ?)",
                    name, username, at.toEpochMilli());
            return Optional.empty();
        });
    }

    @Override
    public void leave(String name, String username) {
        jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "DELETE FROM channel_members WHERE channel = ? AND username = ?", name, username) == 0) {
                return null;
            }
            List<String> left = members(c, name);
            if (left.isEmpty()) {
                Jdbc.update(c, "DELETE FROM channels WHERE name = ?", name);
            } else {
                Jdbc.update(c, "UPDATE channels SET owner = ? WHERE name = ? AND owner = ?", left.get(0), name, username);
            }
            return null;
        });
    }

    @Override
    public List<String> delete(String name) {
        return jdbc.inTransaction(c -> {
            List<String> members = members(c, name);
            Jdbc.update(c, "DELETE FROM channels WHERE name = ?", name);
            return members;
        });
    }

    /** The channel's members in joining order. */
    private static List<String> members(Connection c, String name) throws SQLException {
        return Jdbc.query(c, "SELECT username FROM channel_members WHERE channel = ? ORDER BY joined_at, rowid",
                row -> row.getString(1), name);
    }

    private static long count(Connection c, String sql, Object... params) throws SQLException {
        return Jdbc.query(c, sql, row -> row.getLong(1), params).get(0);
    }
}
