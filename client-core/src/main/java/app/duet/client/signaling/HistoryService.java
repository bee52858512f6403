package app.duet.client.signaling;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import app.duet.protocol.HistoryEntry;
import app.duet.protocol.Result;

/**
 * The signed-in user's call history and missed calls. The server keeps one state per user, so what is marked
 * seen or cleared here changes on the user's other devices too; changes from elsewhere arrive as
 * {@link SignalingListener#onMissedCalls}. A {@code channel} of null means every channel. Futures fail with
 * a {@link SignalingException}.
 */
public interface HistoryService {

    /** A page of calls, newest first; {@code before} is the previous page's {@code next}, null for the first. */
    CompletableFuture<Result.History> history(String channel, Long before, int limit);

    CompletableFuture<Result.Empty> markMissedSeen(String channel);

    /** Removes the calls from this user's history only; the other member keeps theirs. */
    CompletableFuture<Result.Empty> clearHistory(String channel);

    /** The unseen missed calls as last reported by the server, newest first; empty when signed out. */
    List<HistoryEntry> missedCalls();
}
