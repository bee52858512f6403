package app.duet.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Channels and their members. The channel registry loads them once and writes every change through. */
public interface Channels {
    record Member(String username, String displayName) {
    }

    /** A channel with its members in joining order. */
    record StoredChannel(String name, String owner, List<Member> members) {
        public StoredChannel {
            members = List.copyOf(members);
        }
    }

    List<StoredChannel> loadAll();

    /** One channel as stored now (several nodes: another node changed it), or empty if there is none. */
    default Optional<StoredChannel> load(String name) {
        return loadAll().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    void create(String name, String owner, Instant at);

    void addMember(String name, String username, Instant at);

    void removeMember(String name, String username);

    void setOwner(String name, String owner);

    void delete(String name);
}
