package app.duet.server.ops;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Offers, answers and candidates passed to the other member: how many, and how long each took through this node. */
public final class RelayMetrics {
    private final Counter relayed;
    private final Histogram latency;

    RelayMetrics(PrometheusRegistry registry) {
        relayed = Counter.builder().name("duet_relayed_messages_total").help("offer/answer/candidate messages relayed.")
                .withoutExemplars().register(registry);
        latency = Latency.histogram("duet_relay_seconds",
                "Time from a relayed message's frame arriving to its hand-over to the other member's connection.")
                .register(registry);
    }

    /** One message was handed to the other member's connection {@code nanos} after its frame arrived. */
    public void relayed(long nanos) {
        relayed.inc();
        latency.observe(Latency.seconds(nanos));
    }
}
