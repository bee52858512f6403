package app.duet.client.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import app.duet.protocol.InviteLink;

/**
 * Reads what a person types as a server address: a host name ("duet.example.org", "host:port"), which means
 * wss:// (ws:// only to this computer, where {@code ./duet run}'s plain server listens), or a full ws:// or
 * wss:// URL.
 */
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
            return uri("ws://" + trimmed).map(plain -> URI.create(defaultScheme(plain.getHost()) + "://" + trimmed));
        }
        return uri(trimmed);
    }

    /** A ws:// address of another computer: what the app sends there (passwords too) can be read on the way. */
    public static boolean unencryptedRemote(URI uri) {
        return "ws".equalsIgnoreCase(uri.getScheme()) && !InviteLink.isThisComputer(uri.getHost());
    }

    /** The same server: scheme, host (any case) and port, a missing port read as the scheme's own. */
    public static boolean sameServer(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    /** How the address is shown: "host[:port]" when typing that gives it back, the full URL otherwise. */
    public static String display(URI uri) {
        String hostAndPort = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        boolean plainPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        return plainPath && uri.getScheme().equalsIgnoreCase(defaultScheme(uri.getHost())) && uri.getQuery() == null
                ? hostAndPort : uri.toString();
    }

    private static String defaultScheme(String host) {
        return InviteLink.isThisComputer(host) ? "ws" : "wss";
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Optional<URI> uri(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("ws") || scheme.equals("wss")) || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
