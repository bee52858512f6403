package app.duet.client.call;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import app.duet.client.signaling.SignalingClient;

/**
 * The ring and accept commands waiting for the server, by call id: their callers' futures complete when it
 * answers, or fail when the call ends first. Used on the engine's thread only.
 */
final class PendingCommands {

    private final Map<String, CompletableFuture<String>> rings = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> accepts = new HashMap<>();

    /** True, and {@code caller} failed with the reason, when the lifecycle refused the command. */
    static boolean refused(List<LifecycleAction> actions, CompletableFuture<?> caller) {
        if (actions.size() == 1 && actions.get(0) instanceof LifecycleAction.Refuse refuse) {
            caller.completeExceptionally(new IllegalStateException(refuse.reason()));
            return true;
        }
        return false;
    }

    void ringing(String callId, CompletableFuture<String> caller) {
        rings.put(callId, caller);
    }

    /** The server answered ring {@code callId}: with the call's id ({@code actualId}), or an error. */
    void ringAnswered(String callId, String actualId, Throwable error) {
        answer(rings.remove(callId), actualId, error);
    }

    /** Hung up (or failed) before the ring went out. */
    void ringDropped(String callId) {
        CompletableFuture<String> caller = rings.remove(callId);
        if (caller != null) {
            caller.completeExceptionally(new IllegalStateException("The call ended before it rang."));
        }
    }

    void accepting(String callId, CompletableFuture<Void> caller) {
        accepts.put(callId, caller);
    }

    void acceptAnswered(String callId, Throwable error) {
        answer(accepts.remove(callId), null, error);
    }

    /** A call that ends while we accept it fails the accept. */
    void callEnded(String callId) {
        CompletableFuture<Void> caller = accepts.remove(callId);
        if (caller != null) {
            caller.completeExceptionally(new IllegalStateException("The call ended before it could be accepted."));
        }
    }

    private static <T> void answer(CompletableFuture<T> caller, T value, Throwable error) {
        if (caller == null) {
            return;
        }
        if (error == null) {
            caller.complete(value);
        } else {
            caller.completeExceptionally(SignalingClient.unwrap(error));
        }
    }
}
