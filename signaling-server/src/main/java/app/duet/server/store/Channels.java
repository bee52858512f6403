package app.duet.server.store;

import java.time.Instant;
import java.util.List;

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

    void create(String name, String owner, Instant at);

    void addMember(String name, String username, Instant at);

    void removeMember(String name, String username);

    void setOwner(String name, String owner);

    void delete(String name);
}
