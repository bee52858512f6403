package app.duet.server.ops;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** WebSocket connections opened, and closed by close code. */
public final class ConnectionMetrics {
    private final Counter opened;
    private final Counter closed;

    ConnectionMetrics(PrometheusRegistry registry) {
        opened = Counter.builder().name("duet_connections_opened_total").help("WebSocket connections accepted.")
                .withoutExemplars().register(registry);
        closed = Counter.builder().name("duet_connections_closed_total")
                .help("WebSocket connections ended, by close code.").labelNames("code").withoutExemplars()
                .register(registry);
    }

    public void opened() {
        opened.inc();
    }

    /** A connection ended with this WebSocket close code (the one sent or received). */
    public void closed(int closeCode) {
        closed.labelValues(Integer.toString(closeCode)).inc();
    }
}
