package app.duet.server.transport;

import app.duet.protocol.PassThrough;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Ok;
import app.duet.protocol.Protocol;
import app.duet.protocol.PassThroughCodec;
import app.duet.protocol.ProtocolException;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.server.ServiceException;
import app.duet.server.auth.Principal;
import app.duet.server.ops.Metrics;
import app.duet.server.ops.RelayMetrics;
import app.duet.server.store.StoreException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One frame in, one reply out: decode, rate-limit, check the connection's state (hello, login, session
 * expiry), hand the request to the {@link Dispatcher}, and turn whatever comes back into ok or error.
 */
final class FrameHandler {
    private static final Logger log = LoggerFactory.getLogger(FrameHandler.class);
    /** A client still sending after this many refusals in one flood is closed (see {@link FloodGuard}). */
    static final int MAX_REFUSED_IN_A_FLOOD = 200;

    private final PassThroughCodec codec;
    private final Dispatcher dispatcher;
    private final Metrics metrics;
    private final Clock clock;
    private final Result.Hello hello;

    FrameHandler(PassThroughCodec codec, Dispatcher dispatcher, Metrics metrics, Clock clock, Result.Hello hello) {
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.clock = clock;
        this.hello = hello;
    }

    /** {@code c} was just {@link ClientConnection#heard() heard}: that time is when this frame arrived. */
    void onFrame(ClientConnection c, String frame) {
        // A clock read costs more than the rest of the metrics on some VMs (docs/decisions/0012): reuse that one.
        long arrived = c.lastHeardNanos();
        Request request = null;
        ProtocolException malformed = null;
        try {
            request = codec.decodeRequest(frame);
        } catch (ProtocolException e) {
            malformed = e;
        }
        // Every frame counts against the rate, well-formed or not, so a flood of garbage is stopped too.
        int refused = c.rateLimit();
        if (refused > 0) {
            if (refused > MAX_REFUSED_IN_A_FLOOD) {
                log.warn("{} kept flooding; closing it", c);
                c.close(CloseFrame.POLICY_VALIDATION, "too many messages");
            } else {
                String id = request != null ? request.id() : malformed.requestId();
                refuse(c, new ErrorReply(id, ErrorCode.RATE_LIMITED, "Too many messages; slow down."));
            }
            return;
        }
        if (malformed != null) {
            refuse(c, ErrorReply.of(malformed));
            return;
        }
        metrics.requests().received(request.type());
        boolean passThrough = request instanceof PassThrough;
        CompletableFuture<Result> result;
        try {
            result = route(c, request);
            if (passThrough && c.relayTimed(RelayMetrics.TIMED_ONE_IN)) { // relayed on this thread, as route returned
                metrics.relay().relayed(System.nanoTime() - arrived);
            } else if (passThrough) {
                metrics.relay().relayed();
            }
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        Request answered = request;
        result.whenComplete((value, error) -> {
            if (error == null) {
                if (answered.id() != null) { // a request without id (a candidate) wants no ok
                    c.send(new Ok(answered.id(), value));
                }
            } else {
                refuse(c, errorReply(c, answered, error));
            }
            if (!passThrough) { // timed as relayed above
                metrics.requests().handled(answered.type(), System.nanoTime() - arrived);
            }
        });
    }

    void onClose(ClientConnection c, int closeCode) {
        metrics.connections().closed(c.endedWith(closeCode));
        dispatcher.closed(c);
    }

    private CompletableFuture<Result> route(ClientConnection c, Request request) {
        if (request instanceof Request.Hello h) {
            return CompletableFuture.completedFuture(hello(c, h));
        }
        if (!c.helloDone()) {
            throw new ServiceException(ErrorCode.HELLO_REQUIRED, "Send hello first.");
        }
        if (request instanceof Request.Ping) {
            return CompletableFuture.completedFuture(Result.Empty.INSTANCE);
        }
        Principal principal = c.principal();
        if (principal != null && !principal.expiresAt().isAfter(clock.instant())) {
            dispatcher.endSession(c);
            throw new ServiceException(ErrorCode.SESSION_EXPIRED, "The session has expired; log in again.");
        }
        if (Dispatcher.isPublic(request)) {
            return routePublic(c, request, principal);
        }
        if (principal == null) {
            throw new ServiceException(ErrorCode.NOT_AUTHENTICATED, "Log in first.");
        }
        return dispatcher.handleAuthenticated(c, principal, request);
    }

    private CompletableFuture<Result> routePublic(ClientConnection c, Request request, Principal principal) {
        if (!Dispatcher.authenticates(request)) {
            return dispatcher.handlePublic(c, request);
        }
        if (principal != null) {
            throw new ServiceException(ErrorCode.ALREADY_AUTHENTICATED, "You are logged in already; log out first.");
        }
        if (!c.startAuthenticating()) {
            throw new ServiceException(ErrorCode.WRONG_STATE, "A login is already in progress on this connection.");
        }
        try {
            return dispatcher.handlePublic(c, request).whenComplete((r, e) -> c.doneAuthenticating());
        } catch (RuntimeException e) {
            c.doneAuthenticating();
            throw e;
        }
    }

    private Result hello(ClientConnection c, Request.Hello h) {
        if (c.helloDone()) {
            throw new ServiceException(ErrorCode.WRONG_STATE, "hello was sent already.");
        }
        if (h.protocolVersion() != Protocol.PROTOCOL_VERSION) {
            throw new ServiceException(ErrorCode.UNSUPPORTED_VERSION, "This server speaks protocol version "
                    + Protocol.PROTOCOL_VERSION + ", not " + h.protocolVersion() + ". Please update Duet.");
        }
        c.helloDone(true);
        log.debug("{} says hello as {}", c, h.client());
        return hello;
    }

    private ErrorReply errorReply(ClientConnection c, Request request, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ServiceException e) {
            return new ErrorReply(request.id(), e.code(), e.getMessage());
        }
        if (cause instanceof StoreException e && e.storageUnavailable()) {
            // The store logged the outage once; one line per refused request would flood the log.
            log.debug("{} from {} refused: storage unavailable", request.type(), c);
            return new ErrorReply(request.id(), ErrorCode.STORAGE_UNAVAILABLE, e.databaseUnreachable()
                    ? "The server cannot reach its database right now; try again in a moment."
                    : "The server cannot save anything right now; try again later.");
        }
        if (cause instanceof RejectedExecutionException) {
            log.warn("worker queue full; refusing {} from {}", request.type(), c);
            return new ErrorReply(request.id(), ErrorCode.RATE_LIMITED, "The server is busy; try again in a moment.");
        }
        log.error("{} failed for {}", request.type(), c, cause);
        return new ErrorReply(request.id(), ErrorCode.INTERNAL, "Something went wrong on the server; try again.");
    }

    private void refuse(ClientConnection c, ErrorReply reply) {
        metrics.requests().error(reply.code());
        c.send(reply);
    }
}
