package app.duet.client.signaling;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.Protocol;
import app.duet.protocol.RegistrationMode;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;

/**
 * The {@link SignalingClient}'s session: who is signed in, its token kept in the {@link SessionStore} with
 * "remember me" (store I/O on the client's worker thread), and the greeting of every new socket — hello, then
 * resuming the held session before other requests go out — which is the {@link Connector}'s handshake.
 */
final class SessionKeeper {
    private static final Logger log = LoggerFactory.getLogger(SessionKeeper.class);

    /** A signed-in session; {@code user} is null until a remembered token has been resumed. */
    private record Session(String token, UserInfo user, boolean remembered) { }

    private final Connector connector;
    private final SessionStore store;
    private final ScheduledExecutorService worker;
    private final Executor callbacks;
    private final Listeners listeners;
    private volatile Session session;
    /** Who may sign up, from the server's latest hello; open until one says otherwise. */
    private volatile RegistrationMode registration = RegistrationMode.OPEN;
    /** Whether sign-up ends with a mailed code, from the same hello. */
    private volatile boolean verifiesEmail;

    SessionKeeper(Connector connector, SessionStore store, ScheduledExecutorService worker, Executor callbacks,
                  Listeners listeners) {
        this.connector = connector;
        this.store = store;
        this.worker = worker;
        this.callbacks = callbacks;
        this.listeners = listeners;
    }

    /** The signed-in user, once known. */
    Optional<UserInfo> user() {
        Session s = session;
        return s == null ? Optional.empty() : Optional.ofNullable(s.user());
    }

    RegistrationMode registration() {
        return registration;
    }

    boolean verifiesEmail() {
        return verifiesEmail;
    }

    /** The signed-in user's display name changed (on this device or another). */
    void renamed(UserInfo user) {
        Session s = session;
        if (s != null && s.user() != null && s.user().username().equals(user.username())) {
            session = new Session(s.token(), user, s.remembered());
        }
    }

    /** True while a token is held (signed in, or a remembered session waiting to be resumed). */
    boolean held() {
        return session != null;
    }

    /** Takes the session remembered for {@code server}, if any, instead of the one held. */
    void useServer(URI server) {
        session = store.load(server.toString()).map(s -> new Session(s.token(), null, true)).orElse(null);
    }

    Result.Auth adopt(Result.Auth auth, boolean remember, boolean resumed) {
        session = new Session(auth.session().token(), auth.user(), remember);
        URI server = connector.config().serverUri();
        worker.execute(() -> {
            if (remember) {
                store.save(new SessionStore.StoredSession(server.toString(), auth.user().username(),
                        auth.session().token()));
            } else {
                store.clear();
            }
        });
        listeners.notifyAll(l -> l.onSignedIn(auth, resumed));
        return auth;
    }

    void forget(SignalingListener.SignOutReason reason) {
        if (session == null) {
            return;
        }
        session = null;
        worker.execute(store::clear);
        listeners.notifyAll(l -> l.onSignedOut(reason));
    }

    /** The server closed the socket because the session was revoked: drop the token before the reconnect. */
    void revoked(SignalingListener.SignOutReason why) {
        Session revoked = session;
        session = null;
        if (revoked != null) {
            log.info("The server ended the session ({}); signed out", why);
            worker.execute(store::clear);
            callbacks.execute(() -> listeners.notifyAll(l -> l.onSignedOut(why)));
        }
    }

    /** Greets the server and, when a token is held, resumes the session before other requests go out. */
    CompletableFuture<Void> handshake() {
        String clientName = connector.config().clientName();
        return connector.sendNow(id -> new Request.Hello(id, Protocol.PROTOCOL_VERSION, clientName), Result.Hello.class)
                .handle((hello, error) -> {
                    Throwable cause = error == null ? null : SignalingClient.unwrap(error);
                    if (cause instanceof SignalingException.ServerError e && e.code() == ErrorCode.UNSUPPORTED_VERSION) {
                        throw new SignalingException.Incompatible(
                                "This server speaks another protocol version. Update Duet. (" + e.getMessage() + ")", e);
                    }
                    if (cause != null) {
                        throw new CompletionException(cause);
                    }
                    connector.serverHeartbeat(hello.heartbeatSeconds());
                    registration = hello.registrationOrOpen();
                    verifiesEmail = hello.verifiesEmail();
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
                    Throwable cause = SignalingClient.unwrap(error);
                    if (cause instanceof SignalingException.ServerError e && isRejectedToken(e.code())) {
                        log.info("The server no longer accepts the session ({}); signed out", e.code());
                        forget(e.code() == ErrorCode.ACCOUNT_DISABLED ? SignalingListener.SignOutReason.ACCOUNT_CLOSED
                                : SignalingListener.SignOutReason.SESSION_EXPIRED);
                        return null;
                    }
                    throw new CompletionException(cause);
                });
    }

    private static boolean isRejectedToken(ErrorCode code) {
        return code == ErrorCode.SESSION_EXPIRED || code == ErrorCode.NOT_AUTHENTICATED
                || code == ErrorCode.WRONG_CREDENTIALS || code == ErrorCode.INVALID_FIELD
                || code == ErrorCode.ACCOUNT_DISABLED;
    }
}
