package app.duet.client.signaling;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the signaling client talks to a server.
 *
 * @param serverUri      ws:// or wss:// address of the server
 * @param clientName     sent in hello, e.g. "duet-desktop/0.1"
 * @param requestTimeout how long a request waits for its reply (including time queued while connecting)
 * @param connectTimeout how long one connection attempt may take
 * @param backoff        delays between reconnection attempts
 */
public record SignalingConfig(URI serverUri, String clientName, Duration requestTimeout, Duration connectTimeout,
                              Backoff backoff) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** First retry after 0.5-1 s, doubling up to 15-30 s: quick after a blip, gentle on a server that is down. */
    public static final Duration BACKOFF_BASE = Duration.ofSeconds(1);
    public static final Duration BACKOFF_MAX = Duration.ofSeconds(30);

    public SignalingConfig {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(backoff, "backoff");
    }

    public static SignalingConfig defaults(URI serverUri, String clientName) {
        return new SignalingConfig(serverUri, clientName, DEFAULT_REQUEST_TIMEOUT, DEFAULT_CONNECT_TIMEOUT,
                new Backoff(BACKOFF_BASE, BACKOFF_MAX, () -> ThreadLocalRandom.current().nextDouble()));
    }

    /** Throws unless {@code uri} is a server address: ws:// or wss:// with a host. */
    static void validate(URI uri) {
        String scheme = uri.getScheme();
        if (!("ws".equals(scheme) || "wss".equals(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException("A server address looks like ws://host:port or wss://host, not " + uri);
        }
    }

    public SignalingConfig withServerUri(URI uri) {
        return new SignalingConfig(uri, clientName, requestTimeout, connectTimeout, backoff);
    }
}
