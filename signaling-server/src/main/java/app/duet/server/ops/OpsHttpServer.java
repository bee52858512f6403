package app.duet.server.ops;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /healthz and GET /metrics (Prometheus text) on their own port, for operators only. /healthz lists each
 * dependency's state ("ok" or a word saying what is wrong) and answers 200 only when all are "ok", else 503,
 * so a balancer sends new users to a node that can sign them in.
 */
public final class OpsHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    public OpsHttpServer(String host, int port, Supplier<Map<String, String>> health, Metrics metrics)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "duet-ops-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/healthz", exchange -> {
            Map<String, String> parts = health.get();
            boolean ok = parts.values().stream().allMatch("ok"::equals);
            respond(exchange, ok ? 200 : 503, "application/json",
                    healthJson(ok, parts).getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/metrics", exchange -> {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            metrics.writeText(text);
            respond(exchange, 200, metrics.textContentType(), text.toByteArray());
        });
        server.start();
        log.info("health and metrics on http://{}:{}/healthz and /metrics", host, port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static String healthJson(boolean ok, Map<String, String> parts) {
        JsonObject json = new JsonObject();
        json.addProperty("status", ok ? "ok" : "unhealthy");
        parts.forEach(json::addProperty);
        return json + "\n";
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}
