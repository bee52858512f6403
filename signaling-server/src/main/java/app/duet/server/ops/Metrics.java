package app.duet.server.ops;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongSupplier;

/**
 * This node's metrics: one Prometheus registry (per server, not the client library's global one, so servers
 * embedded in one JVM do not mix), the JVM's and the process's own metrics, {@code duet_node_info}, and one
 * small class per concern ({@link ConnectionMetrics}, {@link RequestMetrics}, {@link RelayMetrics},
 * {@link StoreMetrics}). A new concern gets its own class that registers on {@link #registry()}
 * (docs/architecture.md, "Metrics"). Everything here is cheap to update from any thread.
 */
public final class Metrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter text = PrometheusTextFormatWriter.create();
    private final ConnectionMetrics connections = new ConnectionMetrics(registry);
    private final RequestMetrics requests = new RequestMetrics(registry);
    private final RelayMetrics relay = new RelayMetrics(registry);
    private final StoreMetrics store = new StoreMetrics(registry);

    /** {@code node} names this server among its peers (the {@code node} label of {@code duet_node_info}). */
    public Metrics(String node, String version) {
        Info info = Info.builder().name("duet_node_info").help("This server: its node name and version.")
                .labelNames("node", "version").register(registry);
        info.setLabelValues(node, version);
        registerJvm(registry);
    }

    /** For a concern's own metrics class: register on this at wiring, before serving. */
    public PrometheusRegistry registry() {
        return registry;
    }

    public ConnectionMetrics connections() {
        return connections;
    }

    public RequestMetrics requests() {
        return requests;
    }

    public RelayMetrics relay() {
        return relay;
    }

    public StoreMetrics store() {
        return store;
    }

    /** Registers a value read at scrape time. Call while wiring, before serving. */
    public void gauge(String name, String help, LongSupplier value) {
        GaugeWithCallback.builder().name(name).help(help)
                .callback(callback -> callback.call(value.getAsLong())).register(registry);
    }

    /** Writes every metric in the Prometheus text format (version 0.0.4). */
    public void writeText(OutputStream out) throws IOException {
        text.write(out, registry.scrape());
    }

    public String textContentType() {
        return text.getContentType();
    }

    /**
     * Heap, GC, threads, buffers, classes, JIT, CPU, descriptors and RSS. Not the client library's allocation
     * metrics: they add GC listeners to the JVM that no registry can remove, one set per embedded server.
     */
    private static void registerJvm(PrometheusRegistry registry) {
        JvmThreadsMetrics.builder().register(registry);
        JvmBufferPoolMetrics.builder().register(registry);
        JvmClassLoadingMetrics.builder().register(registry);
        JvmCompilationMetrics.builder().register(registry);
        JvmGarbageCollectorMetrics.builder().register(registry);
        JvmMemoryMetrics.builder().register(registry);
        JvmRuntimeInfoMetric.builder().register(registry);
        ProcessMetrics.builder().register(registry);
    }
}
