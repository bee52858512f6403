package app.duet.client.signaling;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link SignalingClient}'s listeners, each called on the executor it was added with; a failing one is logged. */
final class Listeners {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    /** A listener and the executor it is called on. */
    private record Subscription(SignalingListener listener, Executor deliverOn) { }

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    void add(SignalingListener listener, Executor deliverOn) {
        subscriptions.add(new Subscription(listener, deliverOn));
    }

    void remove(SignalingListener listener) {
        subscriptions.removeIf(s -> s.listener() == listener);
    }

    void notifyAll(Consumer<SignalingListener> call) {
        for (Subscription s : subscriptions) {
            s.deliverOn().execute(() -> {
                try {
                    call.accept(s.listener());
                } catch (RuntimeException e) {
                    log.error("A signaling listener failed", e);
                }
            });
        }
    }
}
