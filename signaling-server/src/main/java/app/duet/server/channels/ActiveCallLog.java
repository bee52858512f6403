package app.duet.server.channels;

import app.duet.protocol.Media;
import app.duet.server.store.ActiveCalls;
import app.duet.server.store.ActiveCalls.Side;
import app.duet.server.store.ActiveCalls.StoredCall;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps the store's copy of the active calls in step with the call table (through the {@link StoreWriter},
 * so nothing blocks under the registry lock) and translates it back when the table is rebuilt at start.
 */
final class ActiveCallLog {
    private final ActiveCalls store;
    private final StoreWriter writer;
    private final Clock clock;

    ActiveCallLog(ActiveCalls store, StoreWriter writer, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.clock = clock;
    }

    /** The call was accepted (or two rings merged): from now on it survives a restart. */
    void activatedLocked(Call call) {
        StoredCall stored = new StoredCall(call.id, call.channel,
                new Side(call.caller.username(), call.callerSession),
                new Side(call.callee.username(), call.calleeSession),
                call.media.name().toLowerCase(Locale.ROOT), clock.instant());
        writer.submit("call start", () -> store.add(stored));
    }

    /** The call ended, or a stored one could not be restored. */
    void removedLocked(String callId) {
        writer.submit("call end", () -> store.remove(callId));
    }

    /** Blocking: call before serving, outside the lock. */
    List<StoredCall> loadAll() {
        return store.loadAll();
    }

    /** The stored media, or empty if it is not one this version knows. */
    static Optional<Media> media(StoredCall stored) {
        for (Media m : Media.values()) {
            if (m.name().equalsIgnoreCase(stored.media())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
