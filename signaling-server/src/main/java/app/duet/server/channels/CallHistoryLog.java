package app.duet.server.channels;

import app.duet.protocol.CallOutcome;
import app.duet.protocol.CallState;
import app.duet.protocol.EndReason;
import app.duet.protocol.Media;
import app.duet.server.store.CallHistory;
import app.duet.server.store.CallHistory.FinishedCall;
import app.duet.server.store.Channels.Member;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes each call to the history when it ends, with its outcome, through the {@link StoreWriter} (nothing
 * blocks under the registry lock), and tells the callee's devices when the call counts as missed for them.
 */
final class CallHistoryLog {
    private final CallHistory store;
    private final StoreWriter writer;
    private final Clock clock;
    private final MissedCallNotices notices;

    CallHistoryLog(CallHistory store, StoreWriter writer, Clock clock, MissedCallNotices notices) {
        this.store = store;
        this.writer = writer;
        this.clock = clock;
        this.notices = notices;
    }

    Instant now() {
        return clock.instant();
    }

    /** A ring that never started: the callee was offline (MISSED) or in another call (BUSY). */
    void unreachedLocked(String callId, String channel, Member caller, Member callee, Media media, CallOutcome outcome) {
        Instant at = now();
        write(new FinishedCall(callId, channel, caller.username(), callee.username(), HistoryEntries.wire(media),
                HistoryEntries.wire(outcome), at, null, at, true));
    }

    void endedLocked(Call call, CallOutcome outcome) {
        boolean missed = call.answeredAt == null && outcome != CallOutcome.DECLINED;
        write(new FinishedCall(call.id, call.channel, call.caller.username(), call.callee.username(),
                HistoryEntries.wire(call.media), HistoryEntries.wire(outcome), call.startedAt, call.answeredAt, now(),
                missed));
    }

    /** The outcome of a call the server ended for {@code reason}. */
    static CallOutcome outcome(Call call, EndReason reason) {
        if (reason == EndReason.DISCONNECTED) {
            return CallOutcome.DISCONNECTED;
        }
        if (call.state == CallState.ACTIVE) {
            return CallOutcome.ANSWERED;
        }
        return reason == EndReason.NO_ANSWER ? CallOutcome.NO_ANSWER : CallOutcome.CANCELLED;
    }

    private void write(FinishedCall row) {
        writer.submit("call history entry", () -> {
            store.record(row);
            if (row.missed()) {
                notices.toUser(row.callee(), null);
            }
        });
    }
}
