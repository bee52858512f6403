package app.duet.server.ops;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Offers, answers and candidates passed to the other member: how many, and how long they take through this node.
 * Each client's first relayed message and every {@link #TIMED_ONE_IN}-th after it are timed, not all: a clock read
 * and a histogram observation cost several times the counting on some VMs (docs/decisions/0012), and a sample
 * of thousands a minute gives the same quantiles.
 */
public final class RelayMetrics {
    public static final int TIMED_ONE_IN = 16;

    private final Counter relayed;
    private final Histogram latency;

    RelayMetrics(PrometheusRegistry registry) {
        relayed = Counter.builder().name("duet_relayed_messages_total").help("offer/answer/candidate messages relayed.")
                .withoutExemplars().register(registry);
        latency = Latency.histogram("duet_relay_seconds",
                "Time from a relayed message's frame arriving to its hand-over to the other member's connection (one in "
                        + TIMED_ONE_IN + " of each client's messages).")
                .register(registry);
    }

    /** One message was handed to the other member's connection. */
    public void relayed() {
        relayed.inc();
    }

    /** One message, timed: handed to the other member's connection {@code nanos} after its frame arrived. */
    public void relayed(long nanos) {
        relayed.inc();
        latency.observe(Latency.seconds(nanos));
    }
}
