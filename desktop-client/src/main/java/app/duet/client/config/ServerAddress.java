package app.duet.client.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Reads what a person types as a server address: "ws://host:port", "wss://host" or just "host:port". */
public final class ServerAddress {
    public static final String DEFAULT = "ws://127.0.0.1:8686";

    private ServerAddress() {
    }

    /** The address as a ws:// or wss:// URI, or empty when it cannot be one. */
    public static Optional<URI> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (!trimmed.contains("://")) {
            trimmed = "ws://" + trimmed;
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("ws") || scheme.equals("wss")) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
