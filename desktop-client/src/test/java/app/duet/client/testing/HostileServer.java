package app.duet.client.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;

import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import app.duet.protocol.ChannelInfo;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.Message;
import app.duet.protocol.Ok;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.ProtocolException;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.SessionInfo;
import app.duet.protocol.UserInfo;

/**
 * A signaling server that misbehaves on command, for the client's robustness tests. It speaks just enough of
 * the protocol to get a client signed in and into the channel {@value #CHANNEL} with {@value #PEER}: hello,
 * signup, login and resume are answered {@code ok} with a session, ice_servers with no servers, channel
 * requests with that channel, and every call request or relayed message with an empty {@code ok}. Everything
 * else is a test's command: raw frames, events, a frame announcing two gigabytes, a flood, or a stall (no
 * more answers, no pongs). The real server never does any of this.
 */
public final class HostileServer extends WebSocketServer implements AutoCloseable {

    public static final String CHANNEL = "room";
    public static final String PEER = "mallory";
    /** Short, so that a client notices a stall (no pongs) within seconds. */
    public static final int HEARTBEAT_SECONDS = 5;

    private final ProtocolCodec codec = new ProtocolCodec();
    private final Set<WebSocket> clients = new CopyOnWriteArraySet<>();
    private final Queue<Request> heard = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean stalled;

    private HostileServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setConnectionLostTimeout(0); // a stalled server must not drop the client itself
    }

    /** Starts on a free port and returns once it listens. */
    public static HostileServer listen() {
        HostileServer server = new HostileServer();
        server.start();
        await().atMost(Waits.SIGNALING).until(() -> server.getPort() > 0);
        return server;
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + getPort());
    }

    /** How many WebSocket connections clients have opened so far. */
    public int connections() {
        return connections.get();
    }

    /** Every request heard (while not stalled), in order. */
    public List<Request> heard() {
        return List.copyOf(heard);
    }

    /** Whether a request of {@code type} was heard. */
    public boolean heard(Class<? extends Request> type) {
        return heard.stream().anyMatch(type::isInstance);
    }

    // ---- misbehaviour ----

    /** Sends {@code frame} as it is to every connected client. */
    public void sendRaw(String frame) {
        clients.forEach(c -> c.send(frame));
    }

    /** Sends a well-formed message (an event, or an {@code ok} nobody asked for) to every connected client. */
    public void send(Message message) {
        sendRaw(codec.encode(message));
    }

    /** Rings the client from {@value #PEER}; the call id is the test's. */
    public void ring(String callId) {
        send(new Event.CallIncoming(callId, CHANNEL, new UserInfo(PEER, "Mallory"), Media.AUDIO));
    }

    /**
     * Writes the header of a text frame announcing {@link Integer#MAX_VALUE} bytes, and nothing after it: a
     * client that believes the header allocates two gigabytes for the payload.
     */
    public void announceHugeFrame() {
        ByteBuffer header = ByteBuffer.allocate(10);
        header.put((byte) 0x81).put((byte) 127).putLong(Integer.MAX_VALUE).flip();
        for (WebSocket client : clients) {
            try {
                while (header.hasRemaining()) {
                    ((org.java_websocket.WebSocketImpl) client).getChannel().write(header);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            header.rewind();
        }
    }

    /** From now on answers nothing: no replies, no pongs. The connections stay open. */
    public void stall() {
        stalled = true;
    }

    /** Answers again (new connections are greeted as before). */
    public void recover() {
        stalled = false;
    }

    // ---- the protocol it does speak ----

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        connections.incrementAndGet();
        clients.add(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String frame) {
        if (stalled) {
            return;
        }
        Request request;
        try {
            request = codec.decodeRequest(frame);
        } catch (ProtocolException e) {
            throw new IllegalStateException("The client sent something unreadable: " + frame, e);
        }
        heard.add(request);
        Result result = answer(request);
        if (result != null) {
            conn.send(codec.encode(new Ok(request.id(), result)));
        }
    }

    private Result answer(Request request) {
        if (request instanceof Request.Hello) {
            return new Result.Hello("hostile", 1, HEARTBEAT_SECONDS);
        } else if (request instanceof Request.Signup s) {
            return signedIn(s.username());
        } else if (request instanceof Request.Login l) {
            return signedIn(l.username());
        } else if (request instanceof Request.Resume) {
            return signedIn("ann");
        } else if (request instanceof Request.IceServers) {
            return new Result.IceServers(List.of(), 3600L);
        } else if (request instanceof Request.ChannelCreate || request instanceof Request.ChannelJoin) {
            return new Result.Channel(channel());
        } else if (request instanceof Request.ChannelsList) {
            return new Result.Channels(List.of(channel()));
        } else if (request instanceof Request.CallRing ring) { // takes the caller's id, as the real server does
            return new Result.CallRing(ring.callId() != null ? ring.callId() : "hostile-" + heard.size());
        }
        return Result.Empty.INSTANCE;
    }

    private static Result.Auth signedIn(String username) {
        return new Result.Auth(new SessionInfo("token-" + username, System.currentTimeMillis() + 3_600_000L),
                new UserInfo(username, username), null);
    }

    private static ChannelInfo channel() {
        return new ChannelInfo(CHANNEL, PEER, List.of(new MemberInfo(PEER, "Mallory", true)));
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata ping) {
        if (!stalled) {
            super.onWebsocketPing(conn, ping);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        clients.remove(conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // The tests look at the client; a connection the client dropped is expected.
    }

    @Override
    public void onStart() {
        // start() waits for the port.
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
