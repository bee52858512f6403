package app.duet.server.channels;

import app.duet.server.store.Channels.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A channel's live state. Guarded by the registry lock. */
final class Channel {
    final String name;
    String owner;
    /** In joining order; at most {@link ChannelRegistry#MAX_MEMBERS}. */
    final List<Member> members;

    Channel(String name, String owner, List<Member> members) {
        this.name = name;
        this.owner = owner;
        this.members = new ArrayList<>(members);
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
