package app.duet.client.instance;

import java.util.Optional;

/**
 * What a second start of Duet asks of the running one, as one line on its socket: "show" (raise the window), or
 * "open &lt;link&gt;" (raise it and open the link). The link is passed as given; the app judges it.
 */
public record InstanceMessage(Optional<String> link) {
    /** The longest line taken; a link is at most 2048 characters (InviteLink). */
    static final int MAX_LINE = 4096;
    private static final String SHOW = "show";
    private static final String OPEN = "open ";

    public static InstanceMessage show() {
        return new InstanceMessage(Optional.empty());
    }

    /** "open" when the command line had a link, else "show". */
    public static InstanceMessage of(String linkOrNull) {
        return linkOrNull == null || linkOrNull.isBlank() ? show() : new InstanceMessage(Optional.of(linkOrNull.strip()));
    }

    String toLine() {
        // A link never holds a line break (InviteLink refuses one), but what is passed on must stay one line.
        return link.map(l -> OPEN + l.replaceAll("[\\r\\n]", "")).orElse(SHOW);
    }

    static Optional<InstanceMessage> parse(String line) {
        if (line.equals(SHOW)) {
            return Optional.of(show());
        }
        return line.startsWith(OPEN) ? Optional.of(of(line.substring(OPEN.length()))) : Optional.empty();
    }
}
