package app.duet.bench.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One client socket of the load driver, on the JDK's NIO WebSocket (no thread of its own).
 * Text messages are reassembled from fragments and handed to one handler; sends are queued
 * because the JDK WebSocket allows only one outstanding send at a time.
 */
public final class WsConnection implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private final Queue<String> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Consumer<String> handler;
    private volatile WebSocket socket;

    private WsConnection(Consumer<String> handler) {
        this.handler = handler;
    }

    public static CompletableFuture<WsConnection> open(HttpClient client, URI uri, Consumer<String> handler) {
        WsConnection connection = new WsConnection(handler);
        return client.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, connection)
                .thenApply(ws -> {
                    connection.socket = ws;
                    return connection;
                });
    }

    public void onMessage(Consumer<String> newHandler) {
        this.handler = newHandler;
    }

    /** Queues a text message; it goes out after the ones queued before it. */
    public void send(String text) {
        outbox.add(text);
        drain();
    }

    public int queued() {
        return outbox.size();
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    public CompletableFuture<Void> closedFuture() {
        return closed;
    }

    public void close() {
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bench done")
                    .whenComplete((w, e) -> ws.abort());
        }
    }

    public void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        closed.complete(null);
    }

    private void drain() {
        while (sending.compareAndSet(false, true)) {
            String next = outbox.poll();
            if (next == null) {
                sending.set(false);
                if (outbox.isEmpty()) {
                    return;
                }
                continue;
            }
            CompletableFuture<WebSocket> sent = socket.sendText(next, true);
            if (!sent.isDone()) {
                sent.whenComplete((ws, error) -> {
                    afterSend(error);
                    drain();
                });
                return;
            }
            afterSend(sent.isCompletedExceptionally() ? sent.handle((w, e) -> e).join() : null);
        }
    }

    private void afterSend(Throwable error) {
        if (error != null) {
            closed.completeExceptionally(error);
            outbox.clear();
        }
        sending.set(false);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (last && partial.length() == 0) {
            handler.accept(data.toString());
        } else {
            partial.append(data);
            if (last) {
                String whole = partial.toString();
                partial.setLength(0);
                handler.accept(whole);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
