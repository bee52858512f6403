package app.duet.server.store;

import app.duet.server.store.Channels.Member;
import java.time.Instant;
import java.util.List;

/**
 * Every call, written once when it ends, read per member: each sees only the calls they were part of and
 * have not cleared. Media and outcome are wire names ("video", "no_answer"); the rules that pick them live
 * in the call table.
 */
public interface CallHistory {
    /**
     * A call that ended. {@code answeredAt} is null for a call never answered; {@code missed}: the call
     * counts as missed for the callee (until they mark it seen).
     */
    record FinishedCall(String callId, String channel, String caller, String callee, String media, String outcome,
                        Instant startedAt, Instant answeredAt, Instant endedAt, boolean missed) {
    }

    /**
     * A stored call as one of its members reads it. {@code seq} orders calls (newest first is highest) and is
     * the paging cursor; {@code seen}: the callee marked it seen.
     */
    record Row(long seq, FinishedCall call, Member caller, Member callee, boolean seen) {
    }

    /**
     * Which of a member's calls to read.
     *
     * @param channel null for every channel
     * @param before  only rows with a lower {@code seq}; {@link Long#MAX_VALUE} for the newest
     */
    record Query(String username, String channel, long before, int limit) {
    }

    void record(FinishedCall call);

    /** The member's calls, newest first. */
    List<Row> read(Query query);

    /**
     * The member's missed calls they have not marked seen, newest first; {@code channel} null for every
     * channel.
     */
    List<Row> unseenMissed(String username, String channel, int limit);

    /** Marks the member's missed calls seen (in one channel, or everywhere when null); returns how many. */
    int markSeen(String username, String channel);

    /** Hides the member's calls from them (in one channel, or all when null); the other member keeps theirs. */
    int clear(String username, String channel);

    /** Deletes calls that ended before {@code cutoff}; returns how many. */
    int purgeEndedBefore(Instant cutoff);
}
