package app.duet.bench.metrics;

import app.duet.protocol.MessageType;
import app.duet.server.ops.Metrics;
import app.duet.server.ops.RelayMetrics;
import app.duet.server.ops.RequestMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the server's metrics cost per relayed message, on the thread that relays it: the work the frame handler
 * now does for one offer (the request counter, the relay counter, and for one message in 16 a clock read and the
 * relay histogram; the arrival time is the one the transport read already), the same with every message timed,
 * what the hand-written metrics did before (a counter by type in a map, one adder), and one clock read alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MetricsCostBenchmark {
    private RequestMetrics requests;
    private RelayMetrics relay;
    private final Map<MessageType, LongAdder> handWrittenRequests = new ConcurrentHashMap<>();
    private final LongAdder handWrittenRelayed = new LongAdder();
    private long arrived;
    private int relayedOnConnection;

    @Setup
    public void setUp() {
        Metrics metrics = new Metrics("bench", "bench");
        requests = metrics.requests();
        relay = metrics.relay();
        arrived = System.nanoTime();
    }

    /** As the frame handler does it: one message in {@link RelayMetrics#TIMED_ONE_IN} of a client's is timed. */
    @Benchmark
    public void prometheusClient() {
        requests.received(MessageType.OFFER);
        if (relayedOnConnection++ % RelayMetrics.TIMED_ONE_IN == 0) {
            relay.relayed(System.nanoTime() - arrived);
        } else {
            relay.relayed();
        }
    }

    /** Were every message timed. */
    @Benchmark
    public void prometheusClientEveryMessageTimed() {
        requests.received(MessageType.OFFER);
        relay.relayed(System.nanoTime() - arrived);
    }

    @Benchmark
    public long clockRead() {
        return System.nanoTime();
    }

    @Benchmark
    public void handWrittenBefore() {
        handWrittenRequests.computeIfAbsent(MessageType.OFFER, t -> new LongAdder()).increment();
        handWrittenRelayed.increment();
    }
}
