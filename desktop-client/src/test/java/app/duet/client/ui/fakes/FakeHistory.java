package app.duet.client.ui.fakes;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import app.duet.client.signaling.HistoryService;
import app.duet.protocol.HistoryEntry;
import app.duet.protocol.Result;

/** A {@link HistoryService} that records each request, answers when the test says so, and holds given missed calls. */
public final class FakeHistory implements HistoryService {
    public final SentRequests sent = new SentRequests();
    public volatile List<HistoryEntry> missed = List.of();

    @Override
    public CompletableFuture<Result.History> history(String channel, Long before, int limit) {
        return sent.record("history", channel, before, limit);
    }

    @Override
    public CompletableFuture<Result.Empty> markMissedSeen(String channel) {
        return sent.record("markMissedSeen", channel);
    }

    @Override
    public CompletableFuture<Result.Empty> clearHistory(String channel) {
        return sent.record("clearHistory", channel);
    }

    @Override
    public List<HistoryEntry> missedCalls() {
        return missed;
    }
}
