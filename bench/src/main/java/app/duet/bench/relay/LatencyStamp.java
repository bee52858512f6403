package app.duet.bench.relay;

/**
 * The send time a relayed message carries inside its SDP or candidate text, so the receiving socket
 * (in the same driver process, on the same clock) can compute the relay latency. Fixed width, so
 * every message of a kind has the same size whatever the time.
 */
public final class LatencyStamp {
    static final String MARKER = "x-bench-t:";
    private static final int DIGITS = 19;

    private LatencyStamp() {
    }

    /** Nanoseconds since the driver's epoch, zero-padded, after the marker. */
    public static String format(long nanosSinceEpoch) {
        String digits = Long.toString(nanosSinceEpoch);
        return MARKER + "0".repeat(DIGITS - digits.length()) + digits;
    }

    /** The stamp in {@code text}, or -1 when it carries none. */
    public static long read(String text) {
        int at = text.indexOf(MARKER);
        if (at < 0 || at + MARKER.length() + DIGITS > text.length()) {
            return -1;
        }
        long value = 0;
        for (int i = at + MARKER.length(), end = i + DIGITS; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
