package app.duet.bench.relay;

/**
 * The send time a relayed message carries inside its SDP or candidate text, so the receiving socket
 * (in the same driver process, on the same clock) can compute the relay latency, followed by who sent it
 * (pair index, caller or callee) and that sender's sequence number, so the receiver can tell a message
 * that reached the wrong socket or overtook an earlier one. Fixed width, so every message of a kind has
 * the same size whatever the time.
 */
public final class LatencyStamp {
    static final String MARKER = "x-bench-t:";
    private static final int DIGITS = 19;
    private static final int PAIR_DIGITS = 7;
    private static final int SEQUENCE_DIGITS = 12;
    private static final int PAIR_AT = MARKER.length() + DIGITS + 1;
    private static final int SIDE_AT = PAIR_AT + PAIR_DIGITS;
    private static final int SEQUENCE_AT = SIDE_AT + 2;
    private static final int WIDTH = SEQUENCE_AT + SEQUENCE_DIGITS;

    private LatencyStamp() {
    }

    /** A stamp with sender 0 (caller) and sequence 0: for sizes and tests. */
    public static String format(long nanosSinceEpoch) {
        return format(nanosSinceEpoch, 0, true, 0);
    }

    /** Nanoseconds since the driver's epoch, then the sender and its sequence number, zero-padded. */
    static String format(long nanosSinceEpoch, int pairIndex, boolean fromCaller, long sequence) {
        return MARKER + padded(nanosSinceEpoch, DIGITS) + "/" + padded(pairIndex, PAIR_DIGITS)
                + (fromCaller ? 'c' : 'e') + "/" + padded(sequence, SEQUENCE_DIGITS);
    }

    /** Where the stamp starts in {@code text}, or -1 when it carries none. */
    static int find(String text) {
        int at = text.indexOf(MARKER);
        return at < 0 || at + WIDTH > text.length() ? -1 : at;
    }

    /** The send time in {@code text}, or -1 when it carries none. */
    public static long read(String text) {
        int at = find(text);
        return at < 0 ? -1 : number(text, at + MARKER.length(), DIGITS);
    }

    /** The sender's pair index in the stamp found at {@code at}. */
    static long pair(String text, int at) {
        return number(text, at + PAIR_AT, PAIR_DIGITS);
    }

    static boolean fromCaller(String text, int at) {
        return text.charAt(at + SIDE_AT) == 'c';
    }

    /** The sender's sequence number in the stamp found at {@code at}. */
    static long sequence(String text, int at) {
        return number(text, at + SEQUENCE_AT, SEQUENCE_DIGITS);
    }

    private static long number(String text, int from, int digits) {
        long value = 0;
        for (int i = from, end = from + digits; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String padded(long value, int digits) {
        String text = Long.toString(value);
        return "0".repeat(digits - text.length()) + text;
    }
}
