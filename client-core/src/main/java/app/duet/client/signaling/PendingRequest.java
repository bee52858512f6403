package app.duet.client.signaling;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;

import app.duet.protocol.MessageType;
import app.duet.protocol.Request;
import app.duet.protocol.Result;

/**
 * A request on its way: its encoded frame, the future its caller holds, and its timeout. A request sent
 * without an id (a candidate) gets no reply: it has no timeout and completes once handed to the socket.
 */
final class PendingRequest {
    final String id;
    final MessageType type;
    final String frame;
    final boolean expectsReply;
    final CompletableFuture<Result> future = new CompletableFuture<>();
    private ScheduledFuture<?> timeout;

    PendingRequest(String id, Request request, String frame) {
        this.id = id;
        this.type = request.type();
        this.frame = frame;
        this.expectsReply = request.id() != null;
    }

    void armTimeout(ScheduledFuture<?> task) {
        timeout = task;
    }

    /** Completes the caller's future on {@code callbacks}. */
    void complete(Result result, Executor callbacks) {
        cancelTimeout();
        callbacks.execute(() -> future.complete(result));
    }

    void fail(SignalingException error, Executor callbacks) {
        cancelTimeout();
        callbacks.execute(() -> future.completeExceptionally(error));
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
