package app.duet.client.headless;

import java.util.concurrent.CompletableFuture;

import app.duet.protocol.ChannelInfo;
import app.duet.protocol.Event;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.PresenceState;

/** Whether the other member of our channel is online, kept current from presence events. */
final class PeerPresence {

    private final String channel;
    private final String me;
    private volatile String peer;
    private volatile CompletableFuture<String> online = new CompletableFuture<>();

    PeerPresence(String channel, String me) {
        this.channel = channel;
        this.me = me;
    }

    /** Starts from the channel as the server returned it on join/create. */
    void initial(ChannelInfo info) {
        for (MemberInfo member : info.members()) {
            if (!member.username().equals(me)) {
                peer = member.username();
                if (Boolean.TRUE.equals(member.online())) {
                    online.complete(member.username());
                }
            }
        }
    }

    void update(Event.Presence event) {
        if (!channel.equals(event.channel()) || event.user().username().equals(me)) {
            return;
        }
        peer = event.user().username();
        boolean present = event.state() == PresenceState.JOINED || event.state() == PresenceState.ONLINE;
        if (present) {
            online.complete(peer);
        } else if (online.isDone()) {
            online = new CompletableFuture<>();
        }
    }

    /** Completes with the peer's username once they are online (at once if they are). */
    CompletableFuture<String> whenOnline() {
        return online;
    }

    /** The other member's username, if we know of one. */
    String peer() {
        return peer;
    }
}
