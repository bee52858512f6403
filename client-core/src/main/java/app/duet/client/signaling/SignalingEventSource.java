package app.duet.client.signaling;

import java.util.concurrent.Executor;

/**
 * Where {@link SignalingListener}s subscribe to what the server and the connection report. Events come in
 * order on the signaling client's own thread; a UI listener asks for its thread instead.
 */
public interface SignalingEventSource {

    /** Delivers to {@code listener} on the signaling client's thread (it must not block). */
    default void addListener(SignalingListener listener) {
        addListener(listener, Runnable::run);
    }

    /** Delivers to {@code listener} through {@code deliverOn} (e.g. the FX thread), in order if it is serial. */
    void addListener(SignalingListener listener, Executor deliverOn);

    void removeListener(SignalingListener listener);
}
