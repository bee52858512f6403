package app.duet.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A link that brings someone into a channel: {@code duet://host[:port]/join/<channel>?invite=<token>}, or the
 * same path under {@code https://} for an admin who serves a page that hands it to the app. The link carries
 * the server's address so a new user never types one; the socket is {@code wss://} except to this computer
 * (a loopback host), where {@code ./duet run}'s plain server listens.
 */
public record InviteLink(String host, int port, String channel, String invite) {
    public static final String SCHEME = "duet";
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.-]{1,253}$|^\\[[0-9A-Fa-f:.]{2,45}]$");

    public InviteLink {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("not a host name: " + host);
        }
        if (port < -1 || port == 0 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        if (!FieldFormat.CHANNEL_NAME.matches(channel)) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        if (!FieldFormat.INVITE_TOKEN.matches(invite)) {
            throw new IllegalArgumentException("not an invite token");
        }
    }

    /** Reads a {@code duet:} or {@code https:} invite link; empty for anything else. */
    public static Optional<InviteLink> parse(String text) {
        if (text == null || text.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme();
            if (!SCHEME.equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                return Optional.empty();
            }
            String path = uri.getPath();
            String query = uri.getRawQuery();
            if (uri.getHost() == null || path == null || !path.startsWith("/join/") || query == null
                    || !query.startsWith("invite=")) {
                return Optional.empty();
            }
            return Optional.of(new InviteLink(uri.getHost(), uri.getPort(), path.substring("/join/".length()),
                    query.substring("invite=".length())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The address the app connects to: {@code wss://}, or {@code ws://} on a loopback host. */
    public URI serverUri() {
        return URI.create((isLoopback() ? "ws://" : "wss://") + authority());
    }

    public String toDuetUri() {
        return SCHEME + "://" + authority() + "/join/" + channel + "?invite=" + invite;
    }

    public String toHttpsUri() {
        return "https://" + authority() + "/join/" + channel + "?invite=" + invite;
    }

    /** The link that joins {@code channel} on the server the app is connected to at {@code server}. */
    public static InviteLink to(URI server, String channel, String invite) {
        return new InviteLink(server.getHost(), server.getPort(), channel, invite);
    }

    private boolean isLoopback() {
        return isThisComputer(host);
    }

    /** A loopback host (localhost, 127.x.x.x, [::1]): the one place a plain ws:// socket is not overheard. */
    public static boolean isThisComputer(String host) {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1");
    }

    private String authority() {
        return port == -1 ? host : host + ":" + port;
    }

    @Override
    public String toString() {
        return "InviteLink[" + authority() + "/" + channel + ", invite=<hidden>]";
    }
}
