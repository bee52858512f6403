package app.duet.client.signaling;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.Protocol;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;

/**
 * The app's one connection to the signaling server. Every request returns at once with a future that
 * completes — like every listener call — on the executor the caller supplied. After a drop the client
 * reconnects by itself and resumes the session with its token; with "remember me" the token survives
 * restarts in the {@link SessionStore}.
 */
public final class SignalingClient implements AccountService, ChannelService, ServerConnection, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SignalingClient.class);

    /** A listener and the executor it is called on. */
    private record Subscription(SignalingListener listener, Executor deliverOn) { }

    /** A signed-in session; {@code user} is null until a remembered token has been resumed. */
    private record Session(String token, UserInfo user, boolean remembered) { }

    private final Connector connector;
    private final SessionStore store;
    private final Executor callbacks;
    private final boolean ownsCallbacks;
    private final ScheduledExecutorService worker;
    private final List<Subscription> listeners = new CopyOnWriteArrayList<>();
    private volatile Session session;

    /**
     * A client that completes its futures and calls its listeners on its own event thread, so that nothing
     * between the socket and the call engine waits for a UI thread.
     */
    public SignalingClient(SignalingConfig config, SessionStore store) {
        this(config, store, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "duet-signaling-events");
            t.setDaemon(true);
            return t;
        }), true);
    }

    /** A client that completes its futures and calls its listeners on {@code callbacks} (serial). */
    public SignalingClient(SignalingConfig config, SessionStore store, Executor callbacks) {
        this(config, store, callbacks, false);
    }

    private SignalingClient(SignalingConfig config, SessionStore store, Executor callbacks, boolean ownsCallbacks) {
        this.ownsCallbacks = ownsCallbacks;
        this.store = Objects.requireNonNull(store, "store");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        validate(config.serverUri());
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "duet-signaling");
            t.setDaemon(true);
            return t;
        });
        this.connector = new Connector(config, new ProtocolCodec(), worker, callbacks);
        this.connector.setHandler(new ConnectorHandler());
        this.session = remembered(config.serverUri());
    }

    /** Starts connecting (and resuming a remembered session) in the background. */
    public void start() {
        connector.start();
    }

    @Override
    public void addListener(SignalingListener listener, Executor deliverOn) {
        listeners.add(new Subscription(listener, deliverOn));
    }

    @Override
    public void removeListener(SignalingListener listener) {
        listeners.removeIf(s -> s.listener() == listener);
    }

    public ConnectionState state() {
        return connector.state();
    }

    @Override
    public URI serverUri() {
        return connector.config().serverUri();
    }

    /** The signed-in user, once known. */
    @Override
    public Optional<UserInfo> user() {
        Session s = session;
        return s == null ? Optional.empty() : Optional.ofNullable(s.user());
    }

    /** True while a token is held (signed in, or a remembered session waiting to be resumed). */
    public boolean hasSession() {
        return session != null;
    }

    public void retryNow() {
        connector.retryNow();
    }

    /** Connects to another server. The session belongs to the old server, so it is dropped. */
    @Override
    public void changeServer(URI uri) {
        validate(uri);
        if (uri.equals(serverUri())) {
            return;
        }
        session = remembered(uri);
        connector.changeServer(connector.config().withServerUri(uri));
    }

    // ---- Account --------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Result.Auth> signup(String username, String displayName, String email, String password,
                                                 boolean remember) {
        return connector.request(id -> new Request.Signup(id, username, displayName, email, password), Result.Auth.class)
                .thenApply(auth -> adopt(auth, remember, false));
    }

    @Override
    public CompletableFuture<Result.Auth> login(String username, String password, boolean remember) {
        return connector.request(id -> new Request.Login(id, username, password), Result.Auth.class)
                .thenApply(auth -> adopt(auth, remember, false));
    }

    public CompletableFuture<Result.Auth> resume(String token, boolean remember) {
        return connector.request(id -> new Request.Resume(id, token), Result.Auth.class)
                .thenApply(auth -> adopt(auth, remember, true));
    }

    /** Ends the session on the server and forgets it here, even if the server cannot be told. */
    @Override
    public CompletableFuture<Void> logout() {
        return logout(false);
    }

    /**
     * Ends every session of the account (other devices are signed out) and forgets this one here. Unlike
     * {@link #logout()} the outcome matters — the person wants the other devices out — so a failure is
     * reported, though this device is signed out either way.
     */
    @Override
    public CompletableFuture<Void> logoutEverywhere() {
        return logout(true);
    }

    private CompletableFuture<Void> logout(boolean everywhere) {
        return connector.request(id -> new Request.Logout(id, everywhere ? Boolean.TRUE : null), Result.Empty.class)
                .handle((ok, error) -> {
                    forget(SignalingListener.SignOutReason.LOGGED_OUT);
                    if (error != null) {
                        throw new CompletionException(unwrap(error));
                    }
                    return null;
                });
    }

    public CompletableFuture<Result.Empty> changePassword(String oldPassword, String newPassword) {
        return connector.request(id -> new Request.ChangePassword(id, oldPassword, newPassword), Result.Empty.class);
    }

    @Override
    public CompletableFuture<Result.Empty> requestPasswordReset(String usernameOrEmail) {
        return connector.request(id -> new Request.PasswordResetRequest(id, usernameOrEmail), Result.Empty.class);
    }

    @Override
    public CompletableFuture<Result.Empty> confirmPasswordReset(String username, String code, String newPassword) {
        return connector.request(id -> new Request.PasswordResetConfirm(id, username, code, newPassword),
                Result.Empty.class);
    }

    public CompletableFuture<Result.IceServers> iceServers() {
        return connector.request(Request.IceServers::new, Result.IceServers.class);
    }

    // ---- Channels -------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Result.Channel> createChannel(String name) {
        return connector.request(id -> new Request.ChannelCreate(id, name), Result.Channel.class);
    }

    @Override
    public CompletableFuture<Result.Channel> joinChannel(String name) {
        return connector.request(id -> new Request.ChannelJoin(id, name), Result.Channel.class);
    }

    @Override
    public CompletableFuture<Result.Empty> leaveChannel(String name) {
        return connector.request(id -> new Request.ChannelLeave(id, name), Result.Empty.class);
    }

    @Override
    public CompletableFuture<Result.Empty> deleteChannel(String name) {
        return connector.request(id -> new Request.ChannelDelete(id, name), Result.Empty.class);
    }

    @Override
    public CompletableFuture<Result.Channels> listChannels() {
        return connector.request(Request.ChannelsList::new, Result.Channels.class);
    }

    // ---- Calls ----------------------------------------------------------------------------------

    /** Rings with our own {@code callId} for the call (null: the server picks one). */
    public CompletableFuture<Result.CallRing> ring(String channel, Media media, String callId) {
        return connector.request(id -> new Request.CallRing(id, channel, media, callId), Result.CallRing.class);
    }

    public CompletableFuture<Result.Empty> accept(String callId) {
        return connector.request(id -> new Request.CallAccept(id, callId), Result.Empty.class);
    }

    public CompletableFuture<Result.Empty> decline(String callId) {
        return connector.request(id -> new Request.CallDecline(id, callId), Result.Empty.class);
    }

    public CompletableFuture<Result.Empty> cancel(String callId) {
        return connector.request(id -> new Request.CallCancel(id, callId), Result.Empty.class);
    }

    public CompletableFuture<Result.Empty> hangup(String callId) {
        return connector.request(id -> new Request.CallHangup(id, callId), Result.Empty.class);
    }

    public CompletableFuture<Result.Empty> sendOffer(String callId, String sdp) {
        return connector.request(id -> new Request.Offer(id, callId, sdp), Result.Empty.class);
    }

    public CompletableFuture<Result.Empty> sendAnswer(String callId, String sdp) {
        return connector.request(id -> new Request.Answer(id, callId, sdp), Result.Empty.class);
    }

    /**
     * Sends a candidate without an id: the server relays it without an ok (half the frames of a call's
     * busiest message), so the future completes once the frame is handed to the socket, and a refusal comes
     * back as an error without id, which is logged.
     */
    public CompletableFuture<Result.Empty> sendCandidate(String callId, String sdpMid, int sdpMLineIndex,
                                                         String candidate) {
        return connector.request(id -> new Request.Candidate(null, callId, sdpMid, sdpMLineIndex, candidate),
                Result.Empty.class);
    }

    public CompletableFuture<Result.Empty> ping() {
        return connector.request(Request.Ping::new, Result.Empty.class);
    }

    /** Closes the connection and stops reconnecting. Pending requests fail with {@link SignalingException.Closed}. */
    @Override
    public void close() {
        connector.close();
        worker.shutdown();
        if (ownsCallbacks) {
            ((ExecutorService) callbacks).shutdown();
        }
    }

    /** The cause inside the wrappers CompletableFuture puts around failures. */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    // ---- Session --------------------------------------------------------------------------------

    private Result.Auth adopt(Result.Auth auth, boolean remember, boolean resumed) {
        session = new Session(auth.session().token(), auth.user(), remember);
        URI server = serverUri();
        worker.execute(() -> {
            if (remember) {
                store.save(new SessionStore.StoredSession(server.toString(), auth.user().username(),
                        auth.session().token()));
            } else {
                store.clear();
            }
        });
        notifyListeners(l -> l.onSignedIn(auth, resumed));
        return auth;
    }

    private void forget(SignalingListener.SignOutReason reason) {
        if (session == null) {
            return;
        }
        session = null;
        worker.execute(store::clear);
        notifyListeners(l -> l.onSignedOut(reason));
    }

    private Session remembered(URI server) {
        return store.load(server.toString()).map(s -> new Session(s.token(), null, true)).orElse(null);
    }

    /** Greets the server and, when a token is held, resumes the session before other requests go out. */
    private CompletableFuture<Void> handshake() {
        return connector.sendNow(id -> new Request.Hello(id, Protocol.PROTOCOL_VERSION, clientName()), Result.Hello.class)
                .handle((hello, error) -> {
                    Throwable cause = error == null ? null : unwrap(error);
                    if (cause instanceof SignalingException.ServerError e && e.code() == ErrorCode.UNSUPPORTED_VERSION) {
                        throw new SignalingException.Incompatible(
                                "This server speaks another protocol version. Update Duet. (" + e.getMessage() + ")", e);
                    }
                    if (cause != null) {
                        throw new CompletionException(cause);
                    }
                    return hello;
                })
                .thenCompose(hello -> resumeHeldSession());
    }

    private CompletableFuture<Void> resumeHeldSession() {
        Session held = session;
        if (held == null) {
            return CompletableFuture.completedFuture(null);
        }
        return connector.sendNow(id -> new Request.Resume(id, held.token()), Result.Auth.class)
                .handle((auth, error) -> {
                    if (error == null) {
                        adopt(auth, held.remembered(), true);
                        return null;
                    }
                    Throwable cause = unwrap(error);
                    if (cause instanceof SignalingException.ServerError e && isRejectedToken(e.code())) {
                        log.info("The server no longer accepts the session ({}); signed out", e.code());
                        forget(SignalingListener.SignOutReason.SESSION_EXPIRED);
                        return null;
                    }
                    throw new CompletionException(cause);
                });
    }

    private static boolean isRejectedToken(ErrorCode code) {
        return code == ErrorCode.SESSION_EXPIRED || code == ErrorCode.NOT_AUTHENTICATED
                || code == ErrorCode.WRONG_CREDENTIALS || code == ErrorCode.INVALID_FIELD;
    }

    private String clientName() {
        return connector.config().clientName();
    }

    private void notifyListeners(Consumer<SignalingListener> call) {
        for (Subscription s : listeners) {
            s.deliverOn().execute(() -> {
                try {
                    call.accept(s.listener());
                } catch (RuntimeException e) {
                    log.error("A signaling listener failed", e);
                }
            });
        }
    }

    private static void validate(URI uri) {
        String scheme = uri.getScheme();
        if (!("ws".equals(scheme) || "wss".equals(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException("A server address looks like ws://host:port or wss://host, not " + uri);
        }
    }

    private final class ConnectorHandler implements Connector.Handler {
        @Override
        public CompletableFuture<Void> handshake() {
            return SignalingClient.this.handshake();
        }

        @Override
        public void onState(ConnectionState state) {
            notifyListeners(l -> l.onConnectionState(state));
        }

        @Override
        public void onSessionRevoked() {
            // Drop the token before the reconnect, so it does not try to resume a dead session.
            Session revoked = session;
            session = null;
            if (revoked != null) {
                log.info("The server revoked the session; signed out");
                worker.execute(store::clear);
                callbacks.execute(() -> notifyListeners(l -> l.onSignedOut(SignalingListener.SignOutReason.SESSION_EXPIRED)));
            }
        }

        @Override
        public void onEvent(Event event) {
            notifyListeners(l -> EventDispatch.deliver(event, l));
        }
    }
}
