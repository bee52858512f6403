package app.duet.server.ops;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.MessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** Counters and gauges, rendered in the Prometheus text format. Cheap to update from any thread. */
public final class Metrics {
    private record Gauge(String name, String help, LongSupplier value) {
    }

    private final Map<MessageType, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<ErrorCode, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder connectionsOpened = new LongAdder();
    private final Map<Integer, LongAdder> connectionsClosed = new ConcurrentHashMap<>();
    private final LongAdder loginsSucceeded = new LongAdder();
    private final LongAdder loginsFailed = new LongAdder();
    private final LongAdder relayed = new LongAdder();
    private final List<Gauge> gauges = new ArrayList<>();

    public void request(MessageType type) {
        requests.computeIfAbsent(type, k -> new LongAdder()).increment();
    }

    public void error(ErrorCode code) {
        errors.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    public void connectionOpened() {
        connectionsOpened.increment();
    }

    /** A connection ended with this WebSocket close code (the one sent or received). */
    public void connectionClosed(int closeCode) {
        connectionsClosed.computeIfAbsent(closeCode, k -> new LongAdder()).increment();
    }

    public void login(boolean succeeded) {
        (succeeded ? loginsSucceeded : loginsFailed).increment();
    }

    public void relayed() {
        relayed.increment();
    }

    /** Registers a value read at scrape time. Call while wiring, before serving. */
    public synchronized void gauge(String name, String help, LongSupplier value) {
        gauges.add(new Gauge(name, help, value));
    }

    public synchronized String render() {
        StringBuilder out = new StringBuilder();
        counter(out, "duet_connections_opened_total", "WebSocket connections accepted.", connectionsOpened.sum());
        header(out, "duet_connections_closed_total", "WebSocket connections ended, by close code.", "counter");
        new TreeMap<>(connectionsClosed).forEach((code, n) ->
                out.append("duet_connections_closed_total{code=\"").append(code).append("\"} ").append(n.sum()).append('\n'));
        counter(out, "duet_relayed_messages_total", "offer/answer/candidate messages relayed.", relayed.sum());
        header(out, "duet_logins_total", "Password logins by result.", "counter");
        out.append("duet_logins_total{result=\"ok\"} ").append(loginsSucceeded.sum()).append('\n');
        out.append("duet_logins_total{result=\"failed\"} ").append(loginsFailed.sum()).append('\n');
        header(out, "duet_requests_total", "Requests decoded, by type.", "counter");
        new TreeMap<>(stringKeys(requests)).forEach((type, n) ->
                out.append("duet_requests_total{type=\"").append(type).append("\"} ").append(n).append('\n'));
        header(out, "duet_errors_total", "Error replies sent, by code.", "counter");
        new TreeMap<>(stringKeys(errors)).forEach((code, n) ->
                out.append("duet_errors_total{code=\"").append(code).append("\"} ").append(n).append('\n'));
        for (Gauge g : gauges) {
            header(out, g.name(), g.help(), "gauge");
            out.append(g.name()).append(' ').append(g.value().getAsLong()).append('\n');
        }
        return out.toString();
    }

    private static <K> Map<String, Long> stringKeys(Map<K, LongAdder> counters) {
        Map<String, Long> result = new TreeMap<>();
        counters.forEach((k, v) -> result.put(k.toString(), v.sum()));
        return result;
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        header(out, name, help, "counter");
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
}
