package app.duet.server.store;

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
    public void create(String name, String owner, Instant at) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "INSERT INTO channels (name, owner, created_at) VALUES (?, ?, ?)", name, owner, at.toEpochMilli());
            Jdbc.update(c, "INSERT INTO channel_members (channel, username, joined_at) VALUES (?, ?, ?)",
                    name, owner, at.toEpochMilli());
            return null;
        });
    }

    @Override
    public void addMember(String name, String username, Instant at) {
        jdbc.update("INSERT INTO channel_members (channel, username, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                name, username, at.toEpochMilli());
    }

    @Override
    public void removeMember(String name, String username) {
        jdbc.update("DELETE FROM channel_members WHERE channel = ? AND username = ?", name, username);
    }

    @Override
    public void setOwner(String name, String owner) {
        jdbc.update("UPDATE channels SET owner = ? WHERE name = ?", owner, name);
    }

    @Override
    public void delete(String name) {
        jdbc.update("DELETE FROM channels WHERE name = ?", name);
    }
}
