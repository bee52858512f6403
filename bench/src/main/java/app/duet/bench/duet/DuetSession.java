package app.duet.bench.duet;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Event;
import app.duet.protocol.MessageType;
import app.duet.protocol.Ok;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.ProtocolException;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.ServerMessage;
import app.duet.bench.ws.DriverSockets;
import app.duet.bench.ws.WsConnection;
import app.duet.protocol.Protocol;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A Duet client connection during set-up: sends requests through the shared codec and completes a
 * future with each reply; events go to futures waiting for that event type. Used only until the
 * pair is in a call; the relay load then takes the socket over.
 */
public final class DuetSession {
    private final ProtocolCodec codec;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<MessageType, CompletableFuture<Event>> awaitedEvents = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile WsConnection connection;
    private volatile Consumer<Event> eventListener = event -> { };
    private volatile String sessionToken;

    private record Pending(MessageType type, CompletableFuture<Result> reply) {
    }

    public DuetSession(ProtocolCodec codec) {
        this.codec = codec;
    }

    public void attach(WsConnection connection) {
        this.connection = connection;
    }

    public WsConnection connection() {
        return connection;
    }

    public String nextId() {
        return Long.toString(ids.incrementAndGet());
    }

    /** Sends the request built from a fresh id; the future fails with the server's error reply. */
    public <R extends Result> CompletableFuture<R> request(Function<String, Request> build, Class<R> resultType) {
        Request request = build.apply(nextId());
        CompletableFuture<Result> reply = new CompletableFuture<>();
        pending.put(request.id(), new Pending(request.type(), reply));
        connection.send(codec.encode(request));
        return reply.thenApply(resultType::cast);
    }

    /** Sends a request without id (a candidate, as Duet's client sends them): success gets no reply. */
    public void sendWithoutReply(Request request) {
        connection.send(codec.encode(request));
    }

    /**
     * Like {@link #request}, but sends the request again (after a short pause) while the server answers
     * INTERNAL, at most {@code attempts} times; {@code retries} counts the repeats. For set-up only:
     * it lets a benchmark get past transient server faults and report how many there were.
     */
    public <R extends Result> CompletableFuture<R> requestRetrying(Function<String, Request> build, Class<R> resultType,
                                                                   int attempts, LongAdder retries) {
        return request(build, resultType).handle((result, error) -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
            if (cause == null) {
                return CompletableFuture.completedFuture(result);
            }
            if (attempts > 1 && cause instanceof ServerErrorException e && e.code() == ErrorCode.INTERNAL) {
                retries.increment();
                Executor later = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS);
                return CompletableFuture.supplyAsync(() -> null, later)
                        .thenCompose(x -> requestRetrying(build, resultType, attempts - 1, retries));
            }
            return CompletableFuture.<R>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    /** Opens a connection to a Duet server on loopback, says hello and signs up {@code username}. */
    public static CompletableFuture<DuetSession> signUp(DriverSockets sockets, ProtocolCodec codec, int port,
                                                        String username, String password, LongAdder retries)
            throws InterruptedException {
        DuetSession session = new DuetSession(codec);
        return session.openAndGreet(sockets, port)
                .thenCompose(hello -> session.requestRetrying(id -> new Request.Signup(id, username,
                        "Bench " + username, username + "@bench.invalid", password), Result.Auth.class, 50, retries))
                .thenApply(auth -> {
                    session.sessionToken = auth.session().token();
                    return session;
                });
    }

    /** Opens a connection to a Duet server on loopback and says hello, signed in as nobody yet. */
    public static CompletableFuture<DuetSession> greet(DriverSockets sockets, ProtocolCodec codec, int port)
            throws InterruptedException {
        DuetSession session = new DuetSession(codec);
        return session.openAndGreet(sockets, port).thenApply(hello -> session);
    }

    /**
     * Drops the connection without a close frame, as a lost network does, then opens a new one, says
     * hello and resumes the session. Replies still owed on the old connection stay pending.
     */
    public CompletableFuture<DuetSession> reconnect(DriverSockets sockets, int port) throws InterruptedException {
        connection.abort();
        return openAndGreet(sockets, port)
                .thenCompose(hello -> request(id -> new Request.Resume(id, sessionToken), Result.Auth.class))
                .thenApply(auth -> this);
    }

    private CompletableFuture<Result.Hello> openAndGreet(DriverSockets sockets, int port) throws InterruptedException {
        return sockets.open(URI.create("ws://127.0.0.1:" + port + "/"), this::onFrame)
                .thenCompose(opened -> {
                    attach(opened);
                    return request(id -> new Request.Hello(id, Protocol.PROTOCOL_VERSION, "duet-bench/0.1"),
                            Result.Hello.class);
                });
    }

    /** Receives every event nobody {@link #awaitEvent awaits}, on a driver I/O thread. */
    public void onEvent(Consumer<Event> listener) {
        this.eventListener = listener;
    }

    /** Completes with the next event of {@code type}; register before the request that causes it. */
    public CompletableFuture<Event> awaitEvent(MessageType type) {
        return awaitedEvents.computeIfAbsent(type, t -> new CompletableFuture<>());
    }

    public void onFrame(String frame) {
        ServerMessage message;
        try {
            message = codec.decodeServerMessage(frame, id -> {
                Pending p = pending.get(id);
                return p == null ? null : p.type();
            });
        } catch (ProtocolException e) {
            failAll(new IllegalStateException("undecodable frame from the server: " + frame, e));
            return;
        }
        if (message instanceof Ok ok) {
            Pending p = pending.remove(ok.id());
            p.reply().complete(ok.result());
        } else if (message instanceof ErrorReply error) {
            Pending p = error.id() == null ? null : pending.remove(error.id());
            ServerErrorException failure = new ServerErrorException(error.code(), error.message());
            if (p != null) {
                p.reply().completeExceptionally(failure);
            } else {
                failAll(failure);
            }
        } else if (message instanceof Event event) {
            CompletableFuture<Event> waiting = awaitedEvents.remove(event.type());
            if (waiting != null) {
                waiting.complete(event);
            } else {
                eventListener.accept(event);
            }
        }
    }

    private void failAll(RuntimeException failure) {
        pending.values().forEach(p -> p.reply().completeExceptionally(failure));
        awaitedEvents.values().forEach(f -> f.completeExceptionally(failure));
    }
}
