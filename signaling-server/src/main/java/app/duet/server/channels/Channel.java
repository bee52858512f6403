package app.duet.server.channels;

import app.duet.server.store.Channels.Member;
import app.duet.server.store.Channels.Refusal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A channel's live state. Guarded by the registry lock. */
final class Channel {
    final String name;
    String owner;
    /** In joining order; at most {@link ChannelRegistry#MAX_MEMBERS}. */
    final List<Member> members;
    /** Usernames the owner removed: no invite lets them back in. */
    final Set<String> removed = new HashSet<>();
    /** Nobody joins a locked channel. */
    boolean locked;

    Channel(String name, String owner, List<Member> members) {
        this.name = name;
        this.owner = owner;
        this.members = new ArrayList<>(members);
    }

    /** Refuses a join or a join request while the owner keeps the channel locked. */
    void requireUnlocked() {
        if (locked) {
            throw ChannelRefusals.of(Refusal.LOCKED, name);
        }
    }

    boolean hasMember(String username) {
        return members.stream().anyMatch(m -> m.username().equals(username));
    }

    Optional<Member> member(String username) {
        return members.stream().filter(m -> m.username().equals(username)).findFirst();
    }

    Optional<Member> otherThan(String username) {
        return members.stream().filter(m -> !m.username().equals(username)).findFirst();
    }
}
