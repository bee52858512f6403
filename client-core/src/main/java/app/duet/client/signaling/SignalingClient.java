package app.duet.client.signaling;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.RegistrationMode;
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
    private final Connector connector;
    private final SessionKeeper session;
    private final Executor callbacks;
    private final boolean ownsCallbacks;
    private final ScheduledExecutorService worker;
    private final Listeners listeners = new Listeners();

    /**
     * A client that completes its futures and calls its listeners on its own event thread, so that nothing
     * between the socket and the call engine waits for a UI thread.
     */
    public SignalingClient(SignalingConfig config, SessionStore store) {
        this(config, store, Executors.newSingleThreadExecutor(SignalingThreads.daemon("duet-signaling-events")), true);
    }

    /** A client that completes its futures and calls its listeners on {@code callbacks} (serial). */
    public SignalingClient(SignalingConfig config, SessionStore store, Executor callbacks) {
        this(config, store, callbacks, false);
    }

    private SignalingClient(SignalingConfig config, SessionStore store, Executor callbacks, boolean ownsCallbacks) {
        this.ownsCallbacks = ownsCallbacks;
        Objects.requireNonNull(store, "store");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        SignalingConfig.validate(config.serverUri());
        this.worker = Executors.newSingleThreadScheduledExecutor(SignalingThreads.daemon("duet-signaling"));
        this.connector = new Connector(config, new ProtocolCodec(), worker, callbacks);
        this.connector.setHandler(new ConnectorHandler());
        this.session = new SessionKeeper(connector, store, worker, callbacks, listeners);
        this.session.useServer(config.serverUri());
    }

    /** Starts connecting (and resuming a remembered session) in the background. */
    public void start() {
        connector.start();
    }

    @Override
    public void addListener(SignalingListener listener, Executor deliverOn) {
        listeners.add(listener, deliverOn);
    }

    @Override
    public void removeListener(SignalingListener listener) {
        listeners.remove(listener);
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
        return session.user();
    }

    /** True while a token is held (signed in, or a remembered session waiting to be resumed). */
    public boolean hasSession() {
        return session.held();
    }

    public void retryNow() {
        connector.retryNow();
    }

    /** Connects to another server. The session belongs to the old server, so it is dropped. */
    @Override
    public void changeServer(URI uri) {
        SignalingConfig.validate(uri);
        if (uri.equals(serverUri())) {
            return;
        }
        session.useServer(uri);
        connector.changeServer(connector.config().withServerUri(uri));
    }

    @Override
    public CompletableFuture<Result.Auth> signup(String username, String displayName, String email, String password,
                                                 String invite, boolean remember) {
        return connector.request(id -> new Request.Signup(id, username, displayName, email, password, invite),
                Result.Auth.class).thenApply(auth -> session.adopt(auth, remember, false));
    }

    @Override
    public RegistrationMode registration() {
        return session.registration();
    }

    @Override
    public CompletableFuture<Result.Auth> login(String username, String password, boolean remember) {
        return connector.request(id -> new Request.Login(id, username, password), Result.Auth.class)
                .thenApply(auth -> session.adopt(auth, remember, false));
    }

    public CompletableFuture<Result.Auth> resume(String token, boolean remember) {
        return connector.request(id -> new Request.Resume(id, token), Result.Auth.class)
                .thenApply(auth -> session.adopt(auth, remember, true));
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
                    session.forget(SignalingListener.SignOutReason.LOGGED_OUT);
                    if (error != null) {
                        throw new CompletionException(unwrap(error));
                    }
                    return null;
                });
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

    @Override
    public CompletableFuture<Result.Channel> createChannel(String name) {
        return connector.request(id -> new Request.ChannelCreate(id, name), Result.Channel.class);
    }

    @Override
    public CompletableFuture<Result.Channel> joinChannel(String name, String invite) {
        return connector.request(id -> new Request.ChannelJoin(id, name, invite), Result.Channel.class);
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

    /** For the narrower clients that begin or end a session ({@link ProfileClient}, {@link EmailVerificationClient}). */
    SessionKeeper session() {
        return session;
    }

    /** For the narrower clients in this package ({@link HistoryClient}, {@link ProfileClient},
     * {@link ChannelAccessClient}). */
    <R extends Result> CompletableFuture<R> request(java.util.function.Function<String, Request> make, Class<R> type) {
        return connector.request(make, type);
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

    private final class ConnectorHandler implements ConnectionHandler {
        @Override
        public CompletableFuture<Void> handshake() {
            return session.handshake();
        }

        @Override
        public void onState(ConnectionState state) {
            listeners.notifyAll(l -> l.onConnectionState(state));
        }

        @Override
        public void onSessionRevoked(SignalingListener.SignOutReason why) {
            // Drop the token before the reconnect, so it does not try to resume a dead session.
            session.revoked(why);
        }

        @Override
        public void onEvent(Event event) {
            if (event instanceof Event.DisplayNameChanged renamed) {
                session.renamed(renamed.user()); // before the listeners, so user() is current when they ask
            }
            listeners.notifyAll(l -> EventDispatch.deliver(event, l));
        }
    }
}
