package app.duet.server.channels;

import java.util.Optional;

/**
 * A call's timer as data, so that whichever node finds it due can run its rule: which rule, which call, and
 * a token of its own, so a timer that was stopped and started again is never mistaken for the old one.
 */
record CallTimer(Kind kind, String token, String callId) {
    enum Kind {
        /** An unanswered ring ends with "no answer". */
        RING,
        /** The caller's side was away for the whole grace period. */
        CALLER_GRACE,
        CALLEE_GRACE
    }

    /** The timer as one string (a sorted-set member in Redis); call ids may hold ':', so they come last. */
    String member() {
        return kind.name() + ":" + token + ":" + callId;
    }

    static Optional<CallTimer> parse(String member) {
        String[] parts = member.split(":", 3);
        if (parts.length < 3) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.name().equals(parts[0])) {
                return Optional.of(new CallTimer(kind, parts[1], parts[2]));
            }
        }
        return Optional.empty();
    }
}
