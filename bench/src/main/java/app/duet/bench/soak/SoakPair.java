package app.duet.bench.soak;

import app.duet.bench.duet.ChannelMembers;
import app.duet.bench.duet.DuetSession;
import app.duet.bench.relay.SignalingPayloads;
import app.duet.bench.ws.WsConnection;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.MessageType;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two members of a channel calling each other over and over, as the desktop client does: the caller
 * rings with its own call id, the callee accepts, the caller sends an offer and its candidates, the
 * callee answers with an answer and its candidates once the offer is in, the caller hangs up when it has
 * everything, and every few calls one of them drops its connection and resumes on a new one. Every
 * relayed message must reach the other member of this call: anything else that arrives is misrouted,
 * anything missing is lost.
 */
final class SoakPair {
    private static final Logger log = LoggerFactory.getLogger(SoakPair.class);
    /** Relayed messages each side sends per call: an offer or answer and six candidates. */
    static final int BURST = 7;
    /** Each member reconnects once in this many calls of its pair, the caller and the callee in turn. */
    static final int RECONNECT_EVERY = 10;
    private static final int CANDIDATES = BURST - 1;
    private final int index;
    private final ChannelMembers members;
    private final SoakTally tally;
    private final Reconnector reconnector;
    private final Duration stallLimit;
    private final AtomicInteger callerGot = new AtomicInteger();
    private final AtomicInteger calleeGot = new AtomicInteger();
    private final AtomicInteger callerSent = new AtomicInteger();
    private final AtomicInteger calleeSent = new AtomicInteger();
    private volatile String callId = "";
    private volatile CompletableFuture<Void> callerHasAll = new CompletableFuture<>();
    private volatile boolean stalled;
    private volatile boolean closing;
    /** Connections this pair closes itself (its reconnects): their end is no drop. */
    private final Set<WsConnection> ownCloses = ConcurrentHashMap.newKeySet();
    /** What the call waits for now, for the log when it stalls. */
    private volatile String waitingFor = "";
    private int calls;

    /** Drops a member's connection and resumes its session on a new one. */
    interface Reconnector {
        CompletableFuture<DuetSession> reconnect(DuetSession session);
    }

    SoakPair(int index, ChannelMembers members, SoakTally tally, Reconnector reconnector, Duration stallLimit) {
        this.index = index;
        this.members = members;
        this.tally = tally;
        this.reconnector = reconnector;
        this.stallLimit = stallLimit;
        members.caller().onEvent(event -> onEvent(event, true));
        members.callee().onEvent(event -> onEvent(event, false));
        watch(members.caller());
        watch(members.callee());
    }

    /** Counts the end of the member's current connection as a drop unless the pair ended it itself. */
    private void watch(DuetSession member) {
        WsConnection watched = member.connection();
        watched.closedFuture().whenComplete((closed, error) -> {
            if (!closing && !ownCloses.remove(watched)) {
                tally.dropped();
            }
        });
    }

    boolean stalled() {
        return stalled;
    }

    void close() {
        closing = true;
        members.caller().connection().close();
        members.callee().connection().close();
    }

    /** One call from ring to hang-up (and a reconnect when due); completes normally, also when it stalls. */
    CompletableFuture<Void> call() {
        calls++;
        String id = String.format(Locale.ROOT, "soak-%05d-%08d", index, calls);
        callerGot.set(0);
        calleeGot.set(0);
        callerSent.set(0);
        calleeSent.set(0);
        callerHasAll = new CompletableFuture<>();
        callId = id;
        DuetSession caller = members.caller();
        DuetSession callee = members.callee();
        CompletableFuture<Event> incoming = callee.awaitEvent(MessageType.CALL_INCOMING);
        CompletableFuture<Event> accepted = caller.awaitEvent(MessageType.CALL_ACCEPTED);
        CompletableFuture<Event> ended = callee.awaitEvent(MessageType.CALL_ENDED);
        waitingFor = "ok to call_ring";
        return caller.request(r -> new Request.CallRing(r, members.channel(), Media.VIDEO, id), Result.CallRing.class)
                .thenCompose(ring -> waitFor("call_incoming", incoming))
                .thenCompose(event -> {
                    checkOwn(event);
                    return waitFor("ok to call_accept", callee.request(r -> new Request.CallAccept(r, id),
                            Result.Empty.class));
                })
                .thenCompose(ok -> waitFor("call_accepted", accepted))
                .thenCompose(event -> {
                    checkOwn(event);
                    return waitFor("ok to the offer", sendBurst(caller, id, true));
                })
                .thenCompose(offered -> waitFor("the answer and candidates", callerHasAll))
                .thenCompose(all -> waitFor("ok to call_hangup",
                        caller.request(r -> new Request.CallHangup(r, id), Result.Empty.class)))
                .thenCompose(ok -> waitFor("call_ended", ended))
                .thenCompose(event -> {
                    checkOwn(event);
                    // The caller's messages were relayed before its hang-up, so they are all in by now.
                    tally.lost(callerSent.get() - calleeGot.get());
                    tally.cycleDone();
                    // Pairs reconnect at different calls, so reconnects are spread over the run, not in waves.
                    boolean due = (calls + index) % RECONNECT_EVERY == 0;
                    return due ? waitFor("resume", reconnectOne()) : CompletableFuture.completedFuture(null);
                })
                .orTimeout(stallLimit.toMillis(), TimeUnit.MILLISECONDS)
                .handle((done, error) -> {
                    if (error != null) {
                        stall(id, error);
                    }
                    return null;
                });
    }

    private <T> CompletableFuture<T> waitFor(String what, CompletableFuture<T> step) {
        waitingFor = what;
        return step;
    }

    private CompletableFuture<Void> reconnectOne() {
        boolean callerTurn = (calls / RECONNECT_EVERY) % 2 == 0;
        DuetSession member = callerTurn ? members.caller() : members.callee();
        ownCloses.add(member.connection());
        return reconnector.reconnect(member).thenRun(() -> {
            watch(member);
            tally.reconnected();
        });
    }

    /** An offer or answer with an id (its ok is awaited), then the candidates without, as the client sends them. */
    private CompletableFuture<Result.Empty> sendBurst(DuetSession from, String id, boolean offer) {
        (offer ? callerSent : calleeSent).addAndGet(BURST);
        String sdp = SignalingPayloads.sdp(tally.stampNow());
        CompletableFuture<Result.Empty> sent = from.request(
                r -> offer ? new Request.Offer(r, id, sdp) : new Request.Answer(r, id, sdp), Result.Empty.class);
        for (int i = 0; i < CANDIDATES; i++) {
            from.sendWithoutReply(new Request.Candidate(null, id, "0", 0, SignalingPayloads.candidate(tally.stampNow())));
        }
        return sent;
    }

    /** Relayed messages, and call events nobody awaits; on a driver I/O thread. */
    private void onEvent(Event event, boolean atCaller) {
        String eventCallId;
        String from;
        String body;
        if (event instanceof Event.Offer o) {
            eventCallId = o.callId();
            from = o.from();
            body = o.sdp();
        } else if (event instanceof Event.Answer a) {
            eventCallId = a.callId();
            from = a.from();
            body = a.sdp();
        } else if (event instanceof Event.Candidate c) {
            eventCallId = c.callId();
            from = c.from();
            body = c.candidate();
        } else if (event instanceof Event.Presence || event instanceof Event.MissedCalls) {
            return; // the other member's reconnects; the server's missed-call list at each sign-in
        } else {
            unexpected(event, atCaller);
            return;
        }
        String id = callId;
        if (!from.equals(atCaller ? members.calleeName() : members.callerName()) || !ownCall(eventCallId)) {
            misrouted(event, atCaller);
            return;
        }
        if (!eventCallId.equals(id)) {
            unexpected(event, atCaller); // one of this pair's earlier calls, late
            return;
        }
        tally.delivered(body);
        if (atCaller) {
            if (callerGot.incrementAndGet() == BURST) {
                callerHasAll.complete(null);
            }
        } else if (calleeGot.incrementAndGet() == 1 && event instanceof Event.Offer) {
            sendBurst(members.callee(), id, false)
                    .exceptionally(error -> {
                        callerHasAll.completeExceptionally(error);
                        return null;
                    });
        }
    }

    /** A call event the cycle awaited must be about this pair's current call. */
    private void checkOwn(Event event) {
        String eventCallId = callIdOf(event);
        if (!ownCall(eventCallId)) {
            misrouted(event, true);
        } else if (!eventCallId.equals(callId)) {
            unexpected(event, true);
        }
    }

    /** The pair's call ids carry its index, so a call of another pair is told apart from a late one of its own. */
    private boolean ownCall(String eventCallId) {
        return eventCallId != null && eventCallId.startsWith(String.format(Locale.ROOT, "soak-%05d-", index));
    }

    private static String callIdOf(Event event) {
        return event instanceof Event.CallIncoming e ? e.callId()
                : event instanceof Event.CallAccepted e ? e.callId()
                : event instanceof Event.CallEnded e ? e.callId()
                : event instanceof Event.CallCancelled e ? e.callId()
                : event instanceof Event.CallDeclined e ? e.callId() : null;
    }

    /** Something about another pair's call, or from someone other than the other member. */
    private void misrouted(Event event, boolean atCaller) {
        tally.misrouted();
        if (tally.totalMisrouted() <= 10) {
            log.warn("Pair {} ({}, call {}) got a message that is not its own: {}", index,
                    atCaller ? "caller" : "callee", callId, event);
        }
    }

    /** About this pair's own calls but not expected now, e.g. the no_answer of a call that stalled. */
    private void unexpected(Event event, boolean atCaller) {
        if (ownCall(callIdOf(event)) || callIdOf(event) == null) {
            tally.unexpected();
            if (tally.totalUnexpected() <= 10) {
                log.warn("Pair {} ({}, call {}) got an event it did not wait for: {}", index,
                        atCaller ? "caller" : "callee", callId, event);
            }
        } else {
            misrouted(event, atCaller);
        }
    }

    /** Counts what the other side did not get, and leaves the pair out of further calls. */
    private void stall(String id, Throwable error) {
        stalled = true;
        int missing = Math.max(0, callerSent.get() - calleeGot.get()) + Math.max(0, calleeSent.get() - callerGot.get());
        tally.stalled();
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        // Only a call that timed out lost messages: an error reply (e.g. PEER_OFFLINE) refused them openly.
        if (cause instanceof TimeoutException) {
            tally.lost(missing);
        }
        if (tally.totalStalled() <= 10) {
            log.warn("Pair {} stalled in call {} waiting for {} (caller got {}, callee got {} of {} relayed messages): {}",
                    index, id, waitingFor, callerGot.get(), calleeGot.get(), BURST, error.toString());
        }
    }
}
