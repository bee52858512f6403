package app.duet.server.channels;

import app.duet.protocol.Event;
import app.duet.protocol.Protocol;
import app.duet.server.store.CallHistory;

/**
 * Sends a member the {@code missed_calls} event: their unseen missed calls as stored now. Blocking (it
 * reads the store): call it on the store writer, after the write that changed them, or on a worker.
 */
final class MissedCallNotices {
    private final CallHistory store;
    private final Relay relay;

    MissedCallNotices(CallHistory store, Relay relay) {
        this.store = store;
        this.relay = relay;
    }

    /** To every connection of the user except {@code exceptConnectionId} (may be null). */
    void toUser(String username, String exceptConnectionId) {
        relay.toUser(username, event(username), exceptConnectionId);
    }

    void toSession(String username, String sessionId) {
        relay.toSession(sessionId, event(username));
    }

    private Event.MissedCalls event(String username) {
        return new Event.MissedCalls(HistoryEntries.of(
                store.unseenMissed(username, null, Protocol.MAX_HISTORY_PAGE), username));
    }
}
