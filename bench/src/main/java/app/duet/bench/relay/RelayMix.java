package app.duet.bench.relay;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the load sends: one offer or answer (a ~4 KB SDP) in {@code sdpEvery} messages, the rest ~200-byte ICE
 * candidates. Each pair is at its own point of the cycle, so the SDPs are spread evenly over time.
 */
enum RelayMix {
    /** A call set-up: an offer, an answer and 14 candidates. */
    CALL_SETUP(8, "1 in 8 an offer/answer"),
    /** Many clients renegotiating (screen share on/off, ICE restarts): half the messages are SDPs. */
    SDP_HEAVY(2, "1 in 2 an offer/answer"),
    /**
     * Nothing but offers and answers: run at one message per socket per second ({@code --rate} = sockets), every
     * pair renegotiates (caller offers, callee answers) within each second.
     */
    BURST(1, "every message an offer/answer");

    private final int sdpEvery;
    private final String description;

    RelayMix(int sdpEvery, String description) {
        this.sdpEvery = sdpEvery;
        this.description = description;
    }

    /** From the option's value: call-setup, sdp-heavy or burst. */
    static RelayMix of(String name) {
        return Arrays.stream(values()).filter(m -> m.optionName().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown mix " + name + " (call-setup, sdp-heavy, burst)"));
    }

    String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Messages in one cycle of a pair: the offer from the caller, the answer from the callee, candidates. */
    int cycle() {
        return 2 * sdpEvery;
    }

    /** Whether the message at {@code phase} of the cycle is an SDP (the first two, caller then callee). */
    boolean isSdp(long phase) {
        return phase < 2;
    }

    String description() {
        return description + " with a " + SignalingPayloads.SDP_CHARS + "-character SDP"
                + (sdpEvery > 1 ? ", the rest ~200-byte ICE candidates" : "");
    }
}
