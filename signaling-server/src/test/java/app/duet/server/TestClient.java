package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.protocol.ChannelAccessRequests;
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
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.handshake.ServerHandshake;

/** A real WebSocket client speaking the protocol, for integration tests. Events are kept until consumed. */
final class TestClient implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ProtocolCodec codec = new ProtocolCodec();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, MessageType> pendingTypes = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<ServerMessage>> pending = new ConcurrentHashMap<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<ServerMessage> unmatched = new CopyOnWriteArrayList<>();
    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocketClient socket;
    private volatile boolean answerPings = true;
    /** While set, the socket's reading thread waits here, so what the server sends piles up unread. */
    private volatile CountDownLatch readingPaused;

    private TestClient(URI uri, SSLContext ssl, Map<String, String> headers) {
        socket = new WebSocketClient(uri, headers) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String frame) {
                waitWhileReadingPaused();
                received(frame);
            }

            @Override
            public void onWebsocketPing(WebSocket conn, Framedata ping) {
                if (answerPings) {
                    super.onWebsocketPing(conn, ping);
                }
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                closeCode.complete(code);
                pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed " + code)));
            }

            @Override
            public void onError(Exception e) {
            }
        };
        if (ssl != null) {
            socket.setSocketFactory(ssl.getSocketFactory());
        }
    }

    static TestClient connect(URI uri) throws InterruptedException {
        return connect(uri, null);
    }

    static TestClient connect(URI uri, SSLContext ssl) throws InterruptedException {
        return connect(uri, ssl, Map.of());
    }

    /** Connects with extra HTTP headers in the handshake (e.g. X-Forwarded-For). */
    static TestClient connect(URI uri, SSLContext ssl, Map<String, String> headers) throws InterruptedException {
        TestClient client = new TestClient(uri, ssl, headers);
        assertThat(client.socket.connectBlocking(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("connected to " + uri).isTrue();
        return client;
    }

    /** Opens a connection the server may close at once (it may be closed by the time this returns). */
    static TestClient attempt(URI uri, Map<String, String> headers) throws InterruptedException {
        TestClient client = new TestClient(uri, null, headers);
        client.socket.connectBlocking(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    /** Connects and says hello. */
    static TestClient hello(DuetServer server) throws InterruptedException {
        TestClient client = connect(server.uri());
        client.ok(new Request.Hello(client.nextId(), 1, "test"));
        return client;
    }

    /** Connects as if through a proxy that wrote this X-Forwarded-For, and says hello. */
    static TestClient helloForwardedFor(DuetServer server, String forwardedFor) throws InterruptedException {
        TestClient client = connect(server.uri(), null, Map.of("X-Forwarded-For", forwardedFor));
        client.ok(new Request.Hello(client.nextId(), 1, "test"));
        return client;
    }

    String nextId() {
        return "r" + ids.incrementAndGet();
    }

    /** Sends a request and waits for its reply. */
    ServerMessage request(Request request) {
        CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
        pendingTypes.put(request.id(), request.type());
        pending.put(request.id(), reply);
        socket.send(codec.encode(request));
        return reply.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /**
     * How a second user comes into a channel in tests, as in the app: the owner makes a single-use invite and
     * this client joins with its token.
     */
    Result.Channel joinInvitedBy(TestClient owner, String channel) {
        Result.InviteCreated invite = owner.ok(new ChannelAccessRequests.ChannelInviteCreate(owner.nextId(), channel, null, null));
        return ok(new Request.ChannelJoin(nextId(), channel, invite.token()));
    }

    <R extends Result> R ok(Request request) {
        ServerMessage reply = request(request);
        assertThat(reply).as("reply to " + request.type()).isInstanceOf(Ok.class);
        @SuppressWarnings("unchecked")
        R result = (R) ((Ok) reply).result();
        return result;
    }

    ErrorReply error(Request request, ErrorCode expected) {
        ServerMessage reply = request(request);
        assertThat(reply).as("reply to " + request.type()).isInstanceOf(ErrorReply.class);
        ErrorReply error = (ErrorReply) reply;
        assertThat(error.code()).as(error.message()).isEqualTo(expected);
        assertThat(error.message()).isNotBlank();
        return error;
    }

    void sendRaw(String frame) {
        socket.send(frame);
    }

    void sendBinary(byte[] data) {
        socket.send(data);
    }

    /** A text frame with exactly these payload bytes, valid UTF-8 or not. */
    void sendTextBytes(byte[] payload) {
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap(payload));
        frame.setFin(true);
        socket.sendFrame(frame);
    }

    /** Replies and error frames that matched no pending request (e.g. to raw frames). */
    ServerMessage awaitUnmatched() {
        await().atMost(TIMEOUT).until(() -> !unmatched.isEmpty());
        return unmatched.remove(0);
    }

    /** Every frame received so far, as sent, in order. */
    List<String> framesSoFar() {
        return List.copyOf(frames);
    }

    <T extends Event> T awaitEvent(Class<T> type) {
        return awaitEvent(type, e -> true);
    }

    /** Waits for the first not yet consumed event of this type that matches, and consumes it. */
    <T extends Event> T awaitEvent(Class<T> type, Predicate<T> matching) {
        return await().atMost(TIMEOUT).until(() -> take(type, matching), Optional::isPresent).orElseThrow();
    }

    <T extends Event> List<T> eventsOf(Class<T> type) {
        List<T> result = new ArrayList<>();
        events.stream().filter(type::isInstance).map(type::cast).forEach(result::add);
        return result;
    }

    int awaitClose() {
        return closeCode.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    /** From now on the server's pings go unanswered, as from a client that vanished without closing. */
    void stopAnsweringPings() {
        answerPings = false;
    }

    /** The next frame from the server stops this client reading its socket until it resumes or closes. */
    void stopReading() {
        readingPaused = new CountDownLatch(1);
    }

    void resumeReading() {
        CountDownLatch paused = readingPaused;
        if (paused != null) {
            paused.countDown();
        }
    }

    @Override
    public void close() throws InterruptedException {
        resumeReading();
        socket.closeBlocking();
    }

    private void waitWhileReadingPaused() {
        CountDownLatch paused = readingPaused;
        if (paused == null) {
            return;
        }
        try {
            paused.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized <T extends Event> Optional<T> take(Class<T> type, Predicate<T> matching) {
        for (Event e : events) {
            if (type.isInstance(e) && matching.test(type.cast(e))) {
                events.remove(e);
                return Optional.of(type.cast(e));
            }
        }
        return Optional.empty();
    }

    private void received(String frame) {
        frames.add(frame);
        ServerMessage message;
        try {
            // Raw frames sent by tests are pings, so an ok to an unknown id has an empty result.
            Function<String, MessageType> types = id -> pendingTypes.getOrDefault(id, MessageType.PING);
            message = codec.decodeServerMessage(frame, types);
        } catch (ProtocolException e) {
            throw new AssertionError("server sent a frame the codec refuses: " + frame, e);
        }
        String id = message instanceof Ok ok ? ok.id() : message instanceof ErrorReply er ? er.id() : null;
        CompletableFuture<ServerMessage> waiting = id == null ? null : pending.remove(id);
        if (waiting != null) {
            waiting.complete(message);
        } else if (message instanceof Event event) {
            events.add(event);
        } else {
            unmatched.add(message);
        }
    }
}
