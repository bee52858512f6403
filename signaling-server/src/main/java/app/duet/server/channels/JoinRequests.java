package app.duet.server.channels;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.UserInfo;
import app.duet.server.ServiceException;
import app.duet.server.store.PendingJoins;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Asking to join a private channel without an invite, and the owner's answer. Pending requests live in the
 * database, so the owner sees them on any node and after a restart; the store work runs on the workers, never
 * under the registry lock. The caller has checked who asks and who answers.
 */
final class JoinRequests {
    /** Pending requests per channel: a stranger's flood fills this, not the owner's screen. */
    static final int MAX_PENDING = 10;

    private final PendingJoins store;
    private final Executor workers;
    private final Clock clock;

    JoinRequests(PendingJoins store, Executor workers, Clock clock) {
        this.store = store;
        this.workers = workers;
        this.clock = clock;
    }

    /** Completes with true when the request is new (the owner is to be told), false when it waited already. */
    CompletableFuture<Boolean> add(String channel, String username) {
        return CompletableFuture.supplyAsync(() -> switch (store.add(channel, username, clock.instant(), MAX_PENDING)) {
            case ADDED -> true;
            case ALREADY_WAITING -> false;
            case FULL -> throw new ServiceException(ErrorCode.LIMIT_REACHED, "'" + channel + "' has " + MAX_PENDING
                    + " requests waiting for its owner already; try again later.");
        }, workers);
    }

    /** Oldest first. */
    CompletableFuture<List<UserInfo>> list(String channel) {
        return CompletableFuture.supplyAsync(() -> store.list(channel).stream()
                .map(a -> new UserInfo(a.username(), a.displayName())).toList(), workers);
    }

    /** Takes the request of {@code username} out to answer it; WRONG_STATE if there is none (answered already). */
    CompletableFuture<UserInfo> take(String channel, String username) {
        return CompletableFuture.supplyAsync(() -> store.take(channel, username)
                .map(a -> new UserInfo(a.username(), a.displayName()))
                .orElseThrow(() -> new ServiceException(ErrorCode.WRONG_STATE,
                        username + " is not waiting to join '" + channel + "'.")), workers);
    }

    /** A request made pointless by joining with an invite. */
    CompletableFuture<Void> drop(String channel, String username) {
        return CompletableFuture.runAsync(() -> store.take(channel, username), workers);
    }
}
