package app.duet.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Node ids name a node's Redis keys and channel, so they are kept to a safe alphabet. */
final class NodeIds {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private NodeIds() {
    }

    /**
     * The id given, checked; without one, the host name for a lone node, and host name and process id for one
     * of several sharing a Redis ({@code shared}), which need distinct ids even on one machine.
     */
    static String resolve(String given, boolean shared) {
        if (given != null && !given.isBlank()) {
            check(given.strip());
            return given.strip();
        }
        return shared ? defaultId() : ConfigDefaults.hostName();
    }

    /** Host name and process id: unique on one network without configuration, readable in logs. */
    private static String defaultId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String id = host.replaceAll("[^A-Za-z0-9._-]", "-") + "-" + ProcessHandle.current().pid();
        return id.length() > 64 ? id.substring(id.length() - 64) : id;
    }

    private static void check(String id) {
        if (!SAFE.matcher(id).matches()) {
            throw new IllegalArgumentException("--node-id must be 1-64 letters, digits, '.', '_' or '-', was '" + id + "'");
        }
    }
}
