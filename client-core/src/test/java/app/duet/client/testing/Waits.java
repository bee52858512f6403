package app.duet.client.testing;

import java.time.Duration;

/**
 * How long the client tests wait for something before they fail, in one place. A test waits on a condition and
 * goes on as soon as it holds, so these are upper bounds on a slow, shared machine, not expected times.
 * All of them grow together with the system property {@code duet.test.waitScale} (a factor, default 1), e.g.
 * {@code mvn ... -Dduet.test.waitScale=2} on a machine busier than CI.
 *
 * <p>Durations that are part of what a test checks (a call's length, an outage, "reconnects well before the 20 s
 * ping") are not waits: they stay next to the test and are not scaled.
 */
public final class Waits {

    /** The factor every wait here is multiplied by. */
    public static final double SCALE = Double.parseDouble(System.getProperty("duet.test.waitScale", "1"));

    /** A reply or event between a signaling client and the in-process server. */
    public static final Duration SIGNALING = scaled(15);
    /** A screen, text or node to show in a Duet window (TestFX on Monocle). */
    public static final Duration UI = scaled(20);
    /** Two call engines in this JVM: a call to connect, media to flow, a state change to arrive. */
    public static final Duration CALL = scaled(20);
    /** A call that is slower to set up: relayed through coturn, on real audio or camera devices, a big file. */
    public static final Duration SLOW_CALL = scaled(30);
    /** A device list or a stream move to show on the private PulseAudio or the fake cameras. */
    public static final Duration DEVICE = scaled(20);
    /** A client to come back after the server restarted: its backoff, a new socket, a resumed session. */
    public static final Duration RECONNECT = scaled(40);
    /** A call between processes on the network lab's separate networks to connect through the relay. */
    public static final Duration NETWORK_CALL = scaled(40);
    /** A headless client in its own JVM to start, sign in and connect its call. */
    public static final Duration PROCESS_START = scaled(90);
    /** A headless client in its own JVM to end its call and exit. */
    public static final Duration PROCESS_EXIT = scaled(60);
    /** A helper program a test starts (PulseAudio, coturn) to answer. */
    public static final Duration HELPER_START = scaled(20);
    /** The threads a test class started to end after it closed everything ({@link NoLeakedThreads}). */
    public static final Duration THREADS_END = scaled(15);

    private Waits() {
    }

    private static Duration scaled(long seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000 * SCALE));
    }
}
