package app.duet.bench.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The driver's client side: one JDK HttpClient (one NIO selector thread) and a small shared executor
 * serve every socket, so 10k sockets cost 10k connections, not 10k threads. Opening handshakes are
 * bounded so the server sees a steady ramp instead of a SYN flood.
 */
public final class DriverSockets implements AutoCloseable {
    private static final int MAX_OPENING = 128;
    private final ExecutorService executor;
    private final HttpClient client;
    private final Semaphore opening = new Semaphore(MAX_OPENING);

    public DriverSockets(int threads) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "driver-io-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().executor(executor).build();
    }

    /** Opens a socket; blocks while {@value #MAX_OPENING} handshakes are already under way. */
    public CompletableFuture<WsConnection> open(URI uri, Consumer<String> handler) throws InterruptedException {
        opening.acquire();
        return WsConnection.open(client, uri, handler).whenComplete((c, e) -> opening.release());
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
