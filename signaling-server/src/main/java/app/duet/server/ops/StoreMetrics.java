package app.duet.server.ops;

import app.duet.server.store.RoundTrips;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Database round trips by kind: a slow or locked database shows here before users notice. */
public final class StoreMetrics implements RoundTrips {
    private final Histogram trips;

    StoreMetrics(PrometheusRegistry registry) {
        trips = Latency.histogram("duet_store_seconds",
                "Database round trips (taking a pooled connection, the statements, the commit), by operation.")
                .labelNames("operation").register(registry);
        for (String operation : new String[] {"query", "update", "transaction"}) {
            trips.initLabelValues(operation);
        }
    }

    @Override
    public void took(String operation, long nanos) {
        trips.labelValues(operation).observe(Latency.seconds(nanos));
    }
}
