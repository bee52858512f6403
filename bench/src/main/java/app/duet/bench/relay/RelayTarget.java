package app.duet.bench.relay;

import app.duet.bench.os.ProcSample;
import app.duet.bench.ws.DriverSockets;
import app.duet.bench.os.ServerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A signaling server the load driver measures: how to start it, connect pairs and word relayed messages. */
interface RelayTarget extends AutoCloseable {
    String name();

    /** One paragraph for the report: version, how it was started and configured. */
    String setup();

    /** Starts the server process; afterwards {@link #server()} is running. */
    void start() throws Exception;

    /** The server process (the first node's, where there are several): the one a profile records. */
    ServerProcess server();

    /** CPU and memory of everything that serves the target (all its nodes together). */
    default ProcSample sample() {
        return server().sample();
    }

    /** CPU and memory of the shared service the target's nodes use (their Redis), if it has one and it is known. */
    default Optional<ProcSample> sharedServiceSample() {
        return Optional.empty();
    }

    /** Whether every process of the target still runs. */
    default boolean alive() {
        return server().isAlive();
    }

    /**
     * Opens up to {@code count} new pairs numbered from {@code firstIndex}, each ready to relay (for Duet:
     * signed in, both in one channel, in an accepted call). Starts no new pair after {@code deadline}
     * ({@link System#nanoTime()}), so a slow server yields fewer pairs rather than an endless set-up.
     */
    List<RelayPair> connect(DriverSockets sockets, int firstIndex, int count, long deadline) throws Exception;

    /** Anything about set-up so far the report should mention (e.g. server errors retried), or "". */
    default String setupNote() {
        return "";
    }

    /** An offer (from the caller) or answer (from the callee) carrying {@code stamp} in its SDP. */
    String sdpMessage(RelayPair pair, boolean fromCaller, String stamp);

    /** An ICE candidate carrying {@code stamp}. */
    String candidateMessage(RelayPair pair, boolean fromCaller, String stamp);

    /** A message a client must send now and then to stay connected, or null if the server needs none. */
    String keepAliveMessage();

    /** How often each socket sends {@link #keepAliveMessage()}. */
    Duration keepAlivePeriod();

    /** Counts a message that carried no stamp (acks, errors); returns true if it is an error. */
    boolean onUnstamped(String text);

    @Override
    void close() throws Exception;
}
