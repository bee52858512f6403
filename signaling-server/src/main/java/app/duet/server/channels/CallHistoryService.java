package app.duet.server.channels;

import app.duet.protocol.AccountData;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Protocol;
import app.duet.protocol.Result;
import app.duet.server.ServiceException;
import app.duet.server.store.CallHistory;
import app.duet.server.store.CallHistory.Query;
import app.duet.server.store.CallHistory.Row;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's call history: read it (only their own calls, only channels they are in), mark missed calls
 * seen and clear it. Reads run on the workers once the store writer has written what came before them
 * (so a call whose end was already announced is always in the page); changes go through the store writer, after the calls it
 * is writing, and are followed there by a {@code missed_calls} event to the member's other connections,
 * so every device of a user shows the same missed calls.
 */
public final class CallHistoryService {
    private static final Logger log = LoggerFactory.getLogger(CallHistoryService.class);
    private final CallHistory store;
    private final ChannelRegistry channels;
    private final StoreWriter writer;
    private final Executor workers;
    private final MissedCallNotices notices;
    private final Clock clock;
    private final Duration retention;

    /** {@code storeWriter} is the registry's serial store writer; {@code retention} how long calls are kept. */
    public CallHistoryService(CallHistory store, ChannelRegistry channels, Relay relay, Executor storeWriter,
                              Executor workers, Clock clock, Duration retention) {
        this.store = store;
        this.channels = channels;
        this.writer = new StoreWriter(storeWriter);
        this.workers = workers;
        this.notices = new MissedCallNotices(store, relay);
        this.clock = clock;
        this.retention = retention;
    }

    /** {@code channel} null for all the actor's calls; {@code before} null for the newest page. */
    public CompletableFuture<Result.History> read(Actor actor, String channel, Long before, int limit) {
        if (limit < 1 || limit > Protocol.MAX_HISTORY_PAGE) {
            throw new ServiceException(ErrorCode.INVALID_FIELD,
                    "limit must be 1 to " + Protocol.MAX_HISTORY_PAGE + ", was " + limit + ".");
        }
        requireMember(actor, channel);
        Query query = new Query(actor.username(), channel, before == null ? Long.MAX_VALUE : before, limit);
        // After the writes decided so far: a call the member has been told ended is in the page.
        return writer.flushed().thenApplyAsync(x -> {
            List<Row> rows = store.read(query);
            Long next = rows.size() == limit ? rows.get(rows.size() - 1).seq() : null;
            return new Result.History(HistoryEntries.of(rows, actor.username()), next);
        }, workers);
    }

    /** The newest calls for an account export; {@code more}: older ones exist. */
    public record ExportedCalls(List<AccountData.Call> calls, boolean more) {
    }

    /**
     * The user's newest calls, at most {@link Protocol#MAX_EXPORT_CALLS}, as their account export holds them:
     * without the other member's name. After the writes decided so far, like {@link #read}.
     */
    public CompletableFuture<ExportedCalls> export(String username) {
        Query query = new Query(username, null, Long.MAX_VALUE, Protocol.MAX_EXPORT_CALLS + 1);
        return writer.flushed().thenApplyAsync(x -> {
            List<Row> rows = store.read(query);
            List<AccountData.Call> calls = rows.stream().limit(Protocol.MAX_EXPORT_CALLS)
                    .map(r -> HistoryEntries.of(r, username))
                    .map(e -> new AccountData.Call(e.callId(), e.channel(), e.outgoing(), e.media(), e.outcome(),
                            e.startedAt(), e.answeredAt(), e.endedAt(), e.missed()))
                    .toList();
            return new ExportedCalls(calls, rows.size() > Protocol.MAX_EXPORT_CALLS);
        }, workers);
    }

    /** Marks the actor's missed calls seen (in {@code channel}, or everywhere when null). */
    public CompletableFuture<Void> markSeen(Actor actor, String channel) {
        requireMember(actor, channel);
        return changeAndTell(actor, "missed calls seen", () -> store.markSeen(actor.username(), channel));
    }

    /** Clears the actor's history (of {@code channel}, or all when null); the other members keep theirs. */
    public CompletableFuture<Void> clear(Actor actor, String channel) {
        requireMember(actor, channel);
        return changeAndTell(actor, "history clear", () -> store.clear(actor.username(), channel));
    }

    /** After a sign-in the session gets the user's unseen missed calls (read on a worker). */
    public void signedIn(String username, String sessionId) {
        try {
            CompletableFuture.runAsync(() -> notices.toSession(username, sessionId), workers).exceptionally(e -> {
                log.warn("could not send the missed calls of {} after sign-in: {}", username, e.getMessage());
                return null;
            });
        } catch (RejectedExecutionException e) {
            log.warn("workers busy: the missed calls of {} are not sent after this sign-in", username);
        }
    }

    /** Blocking: deletes calls older than the retention; returns how many. */
    public int purgeExpired() {
        return store.purgeEndedBefore(clock.instant().minus(retention));
    }

    private void requireMember(Actor actor, String channel) {
        if (channel != null) {
            channels.requireMember(actor, channel);
        }
    }

    private CompletableFuture<Void> changeAndTell(Actor actor, String what, Runnable change) {
        return writer.submit(what, () -> {
            change.run();
            notices.toUser(actor.username(), actor.connectionId());
        });
    }
}
