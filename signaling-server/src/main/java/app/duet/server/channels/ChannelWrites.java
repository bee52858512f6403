package app.duet.server.channels;

import app.duet.protocol.Event;
import app.duet.server.ServiceException;
import app.duet.server.store.Channels;
import app.duet.server.store.Channels.Member;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Writes {@link ChannelTable}'s changes through to the database on the {@link StoreWriter} (submitted under the
 * registry lock, run after it). With several nodes the database has the last word: a join or a creation that
 * another node's change made impossible is refused there, and its future fails with the refusal the rules
 * would have given ({@link ChannelRefusals}); a leave and a deletion apply to the members as stored. Each
 * future completes once the change is stored and, with several nodes, the other nodes know of it.
 */
final class ChannelWrites {
    private final Channels store;
    private final StoreWriter storeWriter;
    private final Clock clock;
    private final Relay relay;
    /** Null on one node. */
    private final SharedChannels shared;

    ChannelWrites(Channels store, StoreWriter storeWriter, Clock clock, Relay relay, SharedChannels shared) {
        this.store = store;
        this.storeWriter = storeWriter;
        this.clock = clock;
        this.relay = relay;
        this.shared = shared;
    }

    CompletableFuture<Void> create(String name, String owner) {
        Instant now = clock.instant();
        return persist(name, () -> ChannelRefusals.requireAccepted(
                store.create(name, owner, now, ChannelRegistry.MAX_CHANNELS_OWNED), name));
    }

    CompletableFuture<Void> join(String name, String username) {
        Instant now = clock.instant();
        return persist(name, () -> ChannelRefusals.requireAccepted(
                store.addMember(name, username, now, ChannelRegistry.MAX_MEMBERS), name));
    }

    CompletableFuture<Void> leave(String name, String username) {
        return persist(name, () -> store.leave(name, username));
    }

    /** Members stored but not in {@code told} (they joined on another node just before) are told once it is stored. */
    CompletableFuture<Void> delete(String name, List<Member> told) {
        return persist(name, () -> store.delete(name).stream()
                .filter(username -> told.stream().noneMatch(m -> m.username().equals(username)))
                .forEach(username -> relay.toUser(username, new Event.ChannelDeleted(name), null)));
    }

    /**
     * Several nodes: once {@code written} (a change of the channel) is stored, and before the request is
     * answered, the other nodes learn that their copies are stale; if the database refused it, this node's
     * copy is the stale one. Also for {@link ChannelAccess}'s changes; under the registry lock.
     */
    CompletableFuture<Void> announced(String name, CompletableFuture<Void> written) {
        if (shared == null) {
            return written;
        }
        long reads = shared.readsLocked(name);
        return written.whenComplete((x, failed) -> {
            if (failed instanceof ServiceException) {
                shared.stale(name);
            }
        }).thenCompose(x -> shared.changed(name, reads));
    }

    private CompletableFuture<Void> persist(String name, Runnable write) {
        return announced(name, storeWriter.submit("channel change", write));
    }
}
