package app.duet.server.channels;

import java.util.function.Supplier;

/**
 * The registry's one lock, and the way every decision runs: under the lock, its events recorded in an
 * {@link Outbox} and delivered after the lock is released. With several nodes a decision is also one
 * transaction on the shared calls ({@link SharedAttempts}), run again if another node changed them meanwhile;
 * so one decision must not both change channels (kept in this node's memory) and read calls: such work is
 * split with {@link #decideInTwo}.
 */
final class Decider {
    interface Decision<T> {
        T decideLocked(ChannelTable channels, CallTable calls, Outbox out);
    }

    private record Decided<T>(T result, Outbox out) {
    }

    private final Object lock = new Object();
    private final ChannelTable channels;
    private final CallTable calls;
    private final Relay relay;
    /** Null for a lone node. */
    private final SharedAttempts attempts;

    Decider(ChannelTable channels, CallTable calls, Relay relay, SharedAttempts attempts) {
        this.channels = channels;
        this.calls = calls;
        this.relay = relay;
        this.attempts = attempts;
    }

    <T> T decide(Decision<T> decision) {
        Decided<T> decided;
        synchronized (lock) {
            decided = attempt(decision);
        }
        decided.out().deliver(relay);
        return decided.result();
    }

    /** Ends calls first ({@code calls}), then changes channels ({@code then}), under one hold of the lock. */
    <T> T decideInTwo(Decision<?> callsFirst, Decision<T> then) {
        Decided<?> first;
        Decided<T> second;
        synchronized (lock) {
            first = attempt(callsFirst);
            second = attempt(then);
        }
        first.out().deliver(relay);
        second.out().deliver(relay);
        return second.result();
    }

    private <T> Decided<T> attempt(Decision<T> decision) {
        Supplier<Decided<T>> once = () -> {
            Outbox out = new Outbox();
            return new Decided<>(decision.decideLocked(channels, calls, out), out);
        };
        return attempts == null ? once.get() : attempts.run(once);
    }
}
