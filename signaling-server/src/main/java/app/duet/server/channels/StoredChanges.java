package app.duet.server.channels;

import app.duet.protocol.ChannelInfo;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The channel changes a request waits for until they are stored (create, join): decided under the registry
 * lock, written through, and their events delivered only once stored. If the store refuses (with several nodes,
 * another node's change came first) or fails, the change is taken back and nobody was told of it: the owner
 * never sees a member join who is not in.
 */
final class StoredChanges {
    private final Decider decider;
    private final Relay relay;

    StoredChanges(Decider decider, Relay relay) {
        this.decider = decider;
        this.relay = relay;
    }

    /**
     * Completes with the channel once {@code change} (which records its events in the outbox it is given) is
     * stored; if storing fails, {@code undo} runs under the lock and the future fails as the write did.
     */
    CompletableFuture<ChannelInfo> stored(String name, Decider.Decision<CompletableFuture<Void>> change,
            BiConsumer<ChannelTable, Channel> undo) {
        record Changed(CompletableFuture<Void> written, Channel channel, ChannelInfo info, Outbox held) {
        }
        Changed done = decider.decide((channels, calls, out) -> {
            Outbox held = new Outbox();
            CompletableFuture<Void> written = change.decideLocked(channels, calls, held);
            Channel channel = channels.existingLocked(name);
            return new Changed(written, channel, channels.infoLocked(channel), held);
        });
        return done.written().whenComplete((x, failed) -> {
            if (failed == null) {
                done.held().deliver(relay);
            } else {
                decider.decide((channels, calls, out) -> {
                    undo.accept(channels, done.channel());
                    return null;
                });
            }
        }).thenApply(x -> done.info());
    }
}
