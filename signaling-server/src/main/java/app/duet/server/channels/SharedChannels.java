package app.duet.server.channels;

import app.duet.server.store.Channels;
import app.duet.server.store.Channels.StoredChannel;
import app.duet.server.store.PrivateChannels;
import app.duet.server.store.PrivateChannels.Loaded;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several nodes: each keeps a copy of the channels, the database stays their record, and a counter per channel
 * in Redis says when another node changed one. A node bumps the counter once its change is in the database
 * (and before it answers), so whoever asks about the channel after that, on any node, finds its copy stale
 * and reads the channel again; the bump is also published so nodes refresh the channels they list and tell
 * presence to. See docs/decisions/0010-redis-cluster.md.
 */
final class SharedChannels {
    private static final Logger log = LoggerFactory.getLogger(SharedChannels.class);
    /** No counter is ever this: a copy made at it is stale. */
    private static final long STALE = -1;

    private final SharedState state;
    private final Channels store;
    private final PrivateChannels privateStore;
    /** The counter each channel had when this node's copy was made (absent: 0). */
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    /** How many times this node read each channel again (absent: 0). */
    private final Map<String, Long> reads = new ConcurrentHashMap<>();

    SharedChannels(SharedState state, Channels store, PrivateChannels privateStore) {
        this.state = state;
        this.store = store;
        this.privateStore = privateStore;
    }

    /** Before the node reads every channel from the database at start: the copies it makes are current. */
    void startLoading() {
        versions.putAll(state.channelVersions());
    }

    /**
     * Whether this node's copy of the channel is the latest (one Redis read). Redis away: the copy is used
     * as it is.
     */
    boolean currentLocked(String name) {
        try {
            return state.channelVersion(name) == versions.getOrDefault(name, 0L);
        } catch (RuntimeException e) {
            log.warn("cannot tell whether channel '{}' changed on another node: {}", name, e.toString());
            return true;
        }
    }

    /**
     * The channel as stored now, with its removed members and lock, or null if it is gone (invites and join
     * requests are not kept in it: they are read from the database when used). Reads the database under the
     * registry lock: only when another node changed the channel.
     */
    Channel loadLocked(String name) {
        reads.merge(name, 1L, Long::sum); // first: a write of this node's on its way now may not be in this copy
        long version = state.channelVersion(name); // first: a change after this read makes the copy stale again
        Optional<StoredChannel> stored = store.load(name);
        versions.put(name, version);
        if (stored.isEmpty()) {
            return null;
        }
        Channel channel = new Channel(name, stored.get().owner(), stored.get().members());
        Loaded loaded = privateStore.load(name);
        loaded.removed().forEach(r -> channel.removed.add(r.username()));
        channel.locked = !loaded.locked().isEmpty();
        return channel;
    }

    /** The database refused this node's change of the channel: its copy is stale, read it again when next used. */
    void stale(String name) {
        versions.put(name, STALE);
    }

    /** Under the registry lock, when this node decides a change of the channel: what {@link #changed} needs. */
    long readsLocked(String name) {
        return reads.getOrDefault(name, 0L);
    }

    /**
     * This node's change of the channel, decided when it had read the channel {@code readsAtDecision} times, is
     * in the database: the other nodes' copies are stale now. Never fails: with Redis away the other nodes see
     * the change when they next read the channel after a later one.
     */
    CompletableFuture<Void> changed(String name, long readsAtDecision) {
        return state.channelChanged(name).thenAccept(version -> {
            if (reads.getOrDefault(name, 0L) != readsAtDecision) {
                // Read again while the change was on its way: that copy may lack it.
                stale(name);
                return;
            }
            // Our copy has the change; it is still the latest unless another node changed the channel too.
            versions.compute(name, (k, mine) -> (mine == null ? 0 : mine) == version - 1 ? version : mine);
        }).exceptionally(e -> {
                    log.warn("channel '{}' changed, but the other nodes could not be told: {}", name, e.toString());
                    return null;
                });
    }

    /**
     * {@link #changed} for each of the channels, whose change is in the database already (so a copy read from
     * now on has it: the reads so far are the ones to compare with).
     */
    CompletableFuture<Void> changedAll(List<String> names) {
        return CompletableFuture.allOf(names.stream().map(name -> changed(name, readsLocked(name)))
                .toArray(CompletableFuture[]::new));
    }
}
