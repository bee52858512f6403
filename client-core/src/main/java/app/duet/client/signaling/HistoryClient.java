package app.duet.client.signaling;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import app.duet.protocol.Event;
import app.duet.protocol.HistoryEntry;
import app.duet.protocol.Request;
import app.duet.protocol.Result;

/**
 * {@link HistoryService} on the app's {@link SignalingClient}. It keeps the latest missed calls the server
 * sent, so a screen opened after the sign-in's {@code missed_calls} event still shows them. Make it before
 * the client starts: it listens first, so other listeners find it up to date.
 */
public final class HistoryClient implements HistoryService, SignalingListener {
    private final SignalingClient client;
    private volatile List<HistoryEntry> missed = List.of();

    public HistoryClient(SignalingClient client) {
        this.client = client;
        client.addListener(this);
    }

    @Override
    public CompletableFuture<Result.History> history(String channel, Long before, int limit) {
        return client.request(id -> new Request.History(id, channel, before, limit), Result.History.class);
    }

    @Override
    public CompletableFuture<Result.Empty> markMissedSeen(String channel) {
        return forgetMissedOnSuccess(client.request(id -> new Request.HistorySeen(id, channel), Result.Empty.class),
                channel);
    }

    @Override
    public CompletableFuture<Result.Empty> clearHistory(String channel) {
        return forgetMissedOnSuccess(client.request(id -> new Request.HistoryClear(id, channel), Result.Empty.class),
                channel);
    }

    @Override
    public List<HistoryEntry> missedCalls() {
        return missed;
    }

    @Override
    public void onMissedCalls(Event.MissedCalls event) {
        missed = event.calls();
    }

    @Override
    public void onSignedOut(SignOutReason reason) {
        missed = List.of();
    }

    /** The server tells only our other connections, so this one updates itself once the request succeeded. */
    private CompletableFuture<Result.Empty> forgetMissedOnSuccess(CompletableFuture<Result.Empty> request,
                                                                  String channel) {
        return request.thenApply(ok -> {
            missed = missed.stream().filter(e -> channel != null && !channel.equals(e.channel())).toList();
            return ok;
        });
    }
}
