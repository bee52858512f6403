package app.duet.server.ops;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.MessageType;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Requests by type (count and handling time, frame in to reply out), error replies by code, logins. */
public final class RequestMetrics {
    private final Counter received;
    private final Histogram handled;
    private final Counter errors;
    private final Counter logins;
    // The client library looks a label set up by a list of strings; these lookups by enum are cheaper per frame.
    private final Map<MessageType, CounterDataPoint> receivedByType = new ConcurrentHashMap<>();
    private final Map<MessageType, DistributionDataPoint> handledByType = new ConcurrentHashMap<>();

    RequestMetrics(PrometheusRegistry registry) {
        received = Counter.builder().name("duet_requests_total").help("Requests decoded, by type.")
                .labelNames("type").withoutExemplars().register(registry);
        handled = Latency.histogram("duet_request_seconds",
                "Time from a request's frame arriving to its reply being sent, by type (relayed messages: duet_relay_seconds).")
                .labelNames("type").register(registry);
        errors = Counter.builder().name("duet_errors_total").help("Error replies sent, by code.")
                .labelNames("code").withoutExemplars().register(registry);
        logins = Counter.builder().name("duet_logins_total").help("Password logins by result.")
                .labelNames("result").withoutExemplars().register(registry);
        logins.initLabelValues("ok");
        logins.initLabelValues("failed");
    }

    public void received(MessageType type) {
        CounterDataPoint counter = receivedByType.get(type); // no lambda allocated once the type is known
        if (counter == null) {
            counter = receivedByType.computeIfAbsent(type, t -> received.labelValues(t.toString()));
        }
        counter.inc();
    }

    /** The request was answered {@code nanos} after its frame arrived. Not for relayed messages ({@link RelayMetrics}). */
    public void handled(MessageType type, long nanos) {
        DistributionDataPoint histogram = handledByType.get(type);
        if (histogram == null) {
            histogram = handledByType.computeIfAbsent(type, t -> handled.labelValues(t.toString()));
        }
        histogram.observe(Latency.seconds(nanos));
    }

    public void error(ErrorCode code) {
        errors.labelValues(code.toString()).inc();
    }

    public void login(boolean succeeded) {
        logins.labelValues(succeeded ? "ok" : "failed").inc();
    }
}
