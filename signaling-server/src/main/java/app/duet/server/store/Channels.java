package app.duet.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Channels and their members. The channel registry loads them once and writes every change through. With
 * several nodes each decides on a copy, so the writes that could break a rule when two nodes change one
 * channel at once check it again in their transaction and refuse ({@link Refusal}) instead: the database,
 * the record, never holds a third member, a member of a deleted channel, a channel without members or an
 * owner who is not a member.
 */
public interface Channels {
    record Member(String username, String displayName) {
    }

    /** A channel with its members in joining order. */
    record StoredChannel(String name, String owner, List<Member> members) {
        public StoredChannel {
            members = List.copyOf(members);
        }
    }

    /** Why a change was refused: the channel as stored is not what the deciding node's copy said. */
    enum Refusal {
        NO_CHANNEL, NAME_TAKEN, OWNS_TOO_MANY, FULL, LOCKED
    }

    List<StoredChannel> loadAll();

    /** One channel as stored now (several nodes: another node changed it), or empty if there is none. */
    default Optional<StoredChannel> load(String name) {
        return loadAll().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Creates the channel with its owner as only member, unless the name is taken or they own {@code maxOwned}. */
    Optional<Refusal> create(String name, String owner, Instant at, int maxOwned);

    /**
     * Adds the member (nothing if a member already) unless the channel is gone, locked, or has {@code
     * maxMembers} members.
     */
    Optional<Refusal> addMember(String name, String username, Instant at, int maxMembers);

    /**
     * Takes the member out (nothing if not a member): the last one out deletes the channel, an owner who
     * leaves hands it to the earliest remaining member — decided on the stored members, in one transaction.
     */
    void leave(String name, String username);

    /** Deletes the channel; returns who its members were (none if there was no such channel). */
    List<String> delete(String name);
}
