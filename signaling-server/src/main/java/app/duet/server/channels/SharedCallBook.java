package app.duet.server.channels;

import app.duet.protocol.CallState;
import app.duet.server.store.Channels.Member;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls of several nodes, in the shared Redis, one decision at a time: a call is a hash
 * ({@code duet:call:<id>}) with one key per index (its users, its sessions, its channel) naming it, and its
 * timers are members of one sorted set scored by when they are due. What a decision reads is watched; what
 * it changes is written back by {@link #commit()} in one transaction, which fails if another node changed
 * any of it meanwhile (the registry then runs the decision again on fresh state).
 */
final class SharedCallBook implements CallBook, CallTimers {
    private static final Logger log = LoggerFactory.getLogger(SharedCallBook.class);
    private static final String PREFIX = "duet:";
    /** How long a node that claimed a due timer has to run it before another node may. */
    static final Duration TIMER_LEASE = Duration.ofSeconds(30);
    private static final int TIMERS_PER_POLL = 100;

    private final SharedState state;
    private final Clock clock;
    private SharedTransaction tx;
    private final Map<CallState, Integer> lastCounts = new ConcurrentHashMap<>();
    /** Sessions the last sweep found held by no node; touched by the sweep only. */
    private volatile Set<String> goneBefore = Set.of();
    /** Whether the last poll for due timers failed; touched by the timer poll only. */
    private volatile boolean timersUnreachable;
    /** Calls read or made in this decision, by id; null for one that is not (or no longer) there. */
    private final Map<String, Call> calls = new HashMap<>();
    /** Index keys written in this decision: value, or null if deleted. */
    private final Map<String, String> indexes = new HashMap<>();
    private final Map<String, Call> changed = new LinkedHashMap<>();
    private final Map<String, Call> removed = new LinkedHashMap<>();

    SharedCallBook(SharedState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    @Override
    public Call byId(String id) {
        if (!calls.containsKey(id)) {
            Map<String, String> fields = tx().hash(callKey(id));
            calls.put(id, CallFields.callOrNull(fields));
        }
        return calls.get(id);
    }

    @Override
    public Call byUser(String username) {
        return byIndex(userKey(username));
    }

    @Override
    public List<Call> ofSession(String sessionId) {
        return Optional.ofNullable(byIndex(sessionKey(sessionId))).stream().toList();
    }

    @Override
    public List<Call> inChannel(String channel) {
        return Optional.ofNullable(byIndex(channelKey(channel))).stream().toList();
    }

    @Override
    public void add(Call call) {
        calls.put(call.id, call);
        changed(call);
    }

    @Override
    public void changed(Call call) {
        if (!removed.containsKey(call.id)) {
            changed.put(call.id, call);
            indexKeys(call).forEach(key -> indexes.put(key, call.id));
        }
    }

    @Override
    public void remove(Call call) {
        calls.put(call.id, null);
        changed.remove(call.id);
        removed.put(call.id, call);
        indexKeys(call).forEach(key -> indexes.put(key, null));
    }

    /** Counts every node's calls (for the metrics); outside any decision. Redis away: the last count read. */
    @Override
    public int count(CallState callState) {
        try {
            int count = (int) state.size(stateKey(callState));
            lastCounts.put(callState, count);
            return count;
        } catch (RuntimeException e) {
            log.warn("calls cannot be counted, Redis unreachable: {}; the metric shows the last count", e.toString());
            return lastCounts.getOrDefault(callState, 0);
        }
    }

    @Override
    public void start(CallTimer timer, Duration delay) {
        tx().schedule(timer.member(), clock.millis() + delay.toMillis());
    }

    @Override
    public void stop(CallTimer timer) {
        tx().unschedule(timer.member());
    }

    /**
     * The due timers this node claimed; each is claimed by one node only. Outside any decision. While Redis
     * cannot be reached there are none (said once in the log; the timers wait in Redis).
     */
    List<CallTimer> claimDue() {
        long now = clock.millis();
        List<CallTimer> claimed = new ArrayList<>();
        try {
            for (String member : state.dueTimers(now, TIMERS_PER_POLL)) {
                if (state.claimTimer(member, now, now + TIMER_LEASE.toMillis())) {
                    CallTimer.parse(member).ifPresentOrElse(claimed::add,
                            () -> log.error("not a call timer: '{}' (left in the set)", member));
                }
            }
        } catch (RuntimeException e) {
            if (!timersUnreachable) {
                log.warn("call timers cannot be read from Redis: {}; trying again every poll", e.toString());
            }
            timersUnreachable = true;
            return claimed;
        }
        if (timersUnreachable) {
            log.info("call timers readable again");
        }
        timersUnreachable = false;
        return claimed;
    }

    /** What a sweep found: sides gone from every node, and sides in their grace period that are connected. */
    record Swept(List<String> goneSessions, List<Actor> backSides) {
    }

    /**
     * Looks at every call's sides. Gone: a session no node has held at this sweep and the one before (a node
     * that died holds its connections nowhere, and nobody saw them close) and without a grace period; it
     * should get one, as on a dropped connection. Back: a side in its grace period whose session a node
     * holds (its node stalled, or it closed on one node while open on another); its grace should stop, as
     * on a resume. Outside any decision. Redis away: nothing.
     */
    Swept sweep() {
        long now = clock.millis();
        Set<String> gone = new HashSet<>();
        List<Actor> back = new ArrayList<>();
        try {
            for (CallState callState : CallState.values()) {
                for (String id : state.members(stateKey(callState))) {
                    Call call = CallFields.callOrNull(state.read(callKey(id)));
                    if (call != null) {
                        look(call.caller, call.callerSession, call.callerGrace != null, now, gone, back);
                        look(call.callee, call.calleeSession, call.calleeGrace != null, now, gone, back);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("calls cannot be read from Redis to find abandoned ones: {}", e.toString());
            gone.clear();
            back.clear();
        }
        List<String> confirmed = gone.stream().filter(goneBefore::contains).toList();
        goneBefore = gone;
        return new Swept(confirmed, back);
    }

    private void look(Member side, String session, boolean inGrace, long now, Set<String> gone, List<Actor> back) {
        if (session == null) {
            return; // a callee who has not answered: the ring is the caller's
        }
        boolean connected = state.sessionConnected(session, now);
        if (!connected && !inGrace) {
            gone.add(session);
        } else if (connected && inGrace) {
            back.add(new Actor(side.username(), side.displayName(), session, null));
        }
    }

    /** Writes what the decision changed; false if another node changed what it read (nothing is written). */
    boolean commit() {
        if (tx == null) {
            return true; // the decision read no call
        }
        try {
            removed.values().forEach(this::writeRemoval);
            changed.values().forEach(this::write);
            return tx.commit();
        } finally {
            reset();
        }
    }

    void abandon() {
        if (tx != null) {
            try {
                tx.abandon();
            } finally {
                reset();
            }
        }
    }

    private void write(Call call) {
        tx.putHash(callKey(call.id), CallFields.of(call));
        indexKeys(call).forEach(key -> tx.set(key, call.id));
        tx.addToSet(stateKey(call.state), call.id);
        for (CallState other : CallState.values()) {
            if (other != call.state) {
                tx.removeFromSet(stateKey(other), call.id);
            }
        }
    }

    private void writeRemoval(Call call) {
        tx.delete(callKey(call.id));
        indexKeys(call).forEach(tx::delete);
        for (CallState any : CallState.values()) {
            tx.removeFromSet(stateKey(any), call.id);
        }
    }

    private Call byIndex(String key) {
        String id = indexes.containsKey(key) ? indexes.get(key) : tx().get(key);
        return id == null ? null : byId(id);
    }

    private SharedTransaction tx() {
        if (tx == null) {
            tx = state.begin();
        }
        return tx;
    }

    private void reset() {
        tx = null;
        calls.clear();
        indexes.clear();
        changed.clear();
        removed.clear();
    }

    private static List<String> indexKeys(Call call) {
        List<String> keys = new ArrayList<>(List.of(userKey(call.caller.username()), userKey(call.callee.username()),
                sessionKey(call.callerSession), channelKey(call.channel)));
        if (call.calleeSession != null) {
            keys.add(sessionKey(call.calleeSession));
        }
        return keys;
    }

    /** The hash that holds a call. */
    static String callKey(String id) {
        return PREFIX + "call:" + id;
    }

    private static String userKey(String username) {
        return PREFIX + "usercall:" + username;
    }

    private static String sessionKey(String sessionId) {
        return PREFIX + "sessioncall:" + sessionId;
    }

    private static String channelKey(String channel) {
        return PREFIX + "channelcall:" + channel;
    }

    private static String stateKey(CallState callState) {
        return PREFIX + "calls:" + callState.name().toLowerCase(Locale.ROOT);
    }
}
