package app.duet.server.transport;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Event;
import app.duet.protocol.Protocol;
import app.duet.protocol.PassThroughCodec;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.Result;
import app.duet.server.account.AccountSelfService;
import app.duet.server.auth.AuthManager;
import app.duet.server.auth.PasswordResets;
import app.duet.server.channels.CallHistoryService;
import app.duet.server.channels.ChannelAccess;
import app.duet.server.channels.ChannelRegistry;
import app.duet.server.ops.Metrics;
import app.duet.server.turn.IceServersProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedSelectorException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The WebSocket endpoint, assembled from the services it dispatches to. */
public final class SignalingEndpoint {
    private static final Logger log = LoggerFactory.getLogger(SignalingEndpoint.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    /** What requests are dispatched to. */
    /** {@code applyAccountChanges}: applies recorded account changes now (the {@link AccountChangeFollower}'s poll). */
    public record Services(AuthManager auth, PasswordResets resets, AccountSelfService account, Runnable applyAccountChanges,
            ChannelRegistry channels, ChannelAccess access, CallHistoryService history, IceServersProvider iceServers,
            Executor workers, ScheduledExecutorService timers, Metrics metrics, Clock clock) {
    }

    /** Socket-level settings. {@code ssl} is null for plain ws://. */
    public record Settings(InetSocketAddress address, int heartbeatSeconds, Duration authTimeout,
            double ratePerSecond, int burst,
            int decoderThreads, SSLContext ssl, Result.Hello hello, Set<String> trustedProxies, int outboundBufferBytes) {
    }

    private final DuetWebSocketServer server;
    private final ConnectionRegistry connections;
    private final ProtocolCodec codec;
    private final Heartbeat heartbeat;
    private final AuthDeadline authDeadline;
    private final ScheduledExecutorService timers;
    private ScheduledFuture<?> heartbeats;

    public SignalingEndpoint(Settings settings, Services services, ConnectionRegistry connections, ProtocolCodec codec) {
        this.connections = connections;
        this.codec = codec;
        Dispatcher dispatcher = new Dispatcher(services, connections);
        FrameHandler frames = new FrameHandler(new PassThroughCodec(codec), dispatcher, services.metrics(), services.clock(), settings.hello());
        this.timers = services.timers();
        heartbeat = new Heartbeat(connections::all, Duration.ofSeconds(settings.heartbeatSeconds()), System::nanoTime);
        authDeadline = new AuthDeadline(connections::all, settings.authTimeout(), System::nanoTime);
        server = new DuetWebSocketServer(settings.address(), settings.decoderThreads(), frames,
                (socket, id, address) -> {
                    ClientConnection c = new ClientConnection(socket, codec, id, address,
                            new FloodGuard(new TokenBucket(settings.ratePerSecond(), settings.burst(), System::nanoTime),
                                    System::nanoTime), settings.outboundBufferBytes());
                    services.metrics().connections().opened();
                    if (!connections.opened(c)) {
                        refuseTooManyConnections(c, services.metrics());
                    }
                    return c;
                }, new ClientAddresses(settings.trustedProxies()));
        if (settings.ssl() != null) {
            server.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(settings.ssl()));
        }
    }

    /** Binds and starts serving; throws if the port cannot be bound. */
    public void start() throws IOException {
        server.start();
        try {
            server.started().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            stopQuietly();
            throw new IOException("cannot listen on " + server.getAddress() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            stopQuietly();
            throw new IOException("the WebSocket server did not start within " + START_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly();
            throw new IOException("interrupted while starting", e);
        }
        heartbeats = timers.scheduleAtFixedRate(this::beat, Heartbeat.TICK.toMillis(), Heartbeat.TICK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public int port() {
        return server.getPort();
    }

    /** The WebSocket layer, for tests that feed it connections without a socket (the server's fuzz target). */
    DuetWebSocketServer socketServer() {
        return server;
    }

    /** Tells every client to come back later, then closes all connections (1001) and the socket. */
    public void shutdown(Duration reconnectAfter, Duration closeTimeout) {
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        String goodbye = codec.encode(new Event.ServerShutdown(reconnectAfter.toMillis()));
        connections.all().forEach(c -> c.sendText(goodbye));
        long start = System.nanoTime();
        try {
            server.stop((int) closeTimeout.toMillis(), "server shutting down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while closing connections");
        } catch (ClosedSelectorException e) {
            // Java-WebSocket's selector thread ended while stop() still closed connections; their sockets close
            // with the selector. Seen once, after stop() had waited about 120 s (cause not found yet).
            log.warn("connections still closing when the socket closed, after {} ms",
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
    }

    /** Answered before any work: one error frame, then the close code the client can act on. */
    private static void refuseTooManyConnections(ClientConnection c, Metrics metrics) {
        log.warn("{} refused: its address has too many open connections", c);
        metrics.requests().error(ErrorCode.RATE_LIMITED);
        c.send(new ErrorReply(null, ErrorCode.RATE_LIMITED,
                "Too many connections from your network. Close some Duet windows or try again later."));
        c.close(Protocol.CLOSE_TOO_MANY_CONNECTIONS, "too many connections from your address");
    }

    /** One failed tick must not stop the heartbeat (a periodic task that throws is never run again). */
    private void beat() {
        try {
            heartbeat.tick();
            authDeadline.tick();
        } catch (RuntimeException e) {
            log.error("heartbeat tick failed", e);
        }
    }

    private void stopQuietly() {
        try {
            server.stop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
