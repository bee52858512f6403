package app.duet.bench.nodes;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * HAProxy's runtime API (the stats socket duet-haproxy.cfg declares): whether its health checks see a node up,
 * so a round starts only once the balancer would send reconnecting clients to either node.
 */
final class BalancerSocket {
    private static final String BACKEND = "duet_nodes";
    private final Path socket;

    BalancerSocket(Path socket) {
        this.socket = socket;
    }

    /** Whether {@code server} ("node1", "node2") is up: {@code srv_op_state} 2 in {@code show servers state}. */
    boolean up(String server) throws IOException {
        for (String line : command("show servers state " + BACKEND).lines().toList()) {
            String[] f = line.split(" ");
            // be_id be_name srv_id srv_name srv_addr srv_op_state ...
            if (f.length > 5 && f[1].equals(BACKEND) && f[3].equals(server)) {
                return f[5].equals("2");
            }
        }
        throw new IllegalStateException("haproxy has no server " + server + " in backend " + BACKEND);
    }

    /** Sends {@code server} no new connections (its open ones stay), or takes it back ({@code false}). */
    void drain(String server, boolean drain) throws IOException {
        command("set server " + BACKEND + "/" + server + " state " + (drain ? "drain" : "ready"));
    }

    private String command(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
