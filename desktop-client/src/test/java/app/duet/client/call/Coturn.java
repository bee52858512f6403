package app.duet.client.call;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import app.duet.client.testing.Waits;

/**
 * A real coturn ({@code turnserver}, Debian package coturn) on free ports of one address (loopback unless
 * told otherwise), with TURN REST API credentials ({@code use-auth-secret}) as the signaling server issues them.
 */
public final class Coturn implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/turnserver");
    private static final int RELAY_PORTS = 40;

    private final Process process;
    private final String address;
    private final int port;

    private Coturn(Process process, String address, int port) {
        this.process = process;
        this.address = address;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static Coturn start(String secret, Path logFile) throws IOException {
        return start(secret, logFile, "127.0.0.1");
    }

    /** Listens and relays on {@code address} only. */
    public static Coturn start(String secret, Path logFile, String address) throws IOException {
        int port = freeUdpAndTcpPort();
        int relayMin = freeUdpAndTcpPort();
        List<String> command = List.of(BINARY.toString(),
                "--listening-ip", address, "--relay-ip", address,
                "--listening-port", Integer.toString(port),
                "--min-port", Integer.toString(relayMin), "--max-port", Integer.toString(relayMin + RELAY_PORTS),
                "--use-auth-secret", "--static-auth-secret", secret, "--realm", "duet.test",
                "--no-tls", "--no-dtls", "--no-cli", "--allow-loopback-peers", "--no-multicast-peers",
                "--no-rfc5780", "--no-stun-backward-compatibility", "-n",
                "--log-file", logFile.toString(), "--simple-log", "--pidfile", logFile.resolveSibling("turn.pid").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.resolveSibling("turn.out").toFile()).start();
        Coturn coturn = new Coturn(process, address, port);
        await().atMost(Waits.HELPER_START).until(coturn::acceptsTcp);
        return coturn;
    }

    public String url() {
        return "turn:" + address + ":" + port + "?transport=udp";
    }

    private boolean acceptsTcp() {
        if (!process.isAlive()) {
            throw new IllegalStateException("turnserver exited with " + process.exitValue());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freeUdpAndTcpPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(0)) {
                int candidate = udp.getLocalPort();
                if (candidate + RELAY_PORTS > 65535) {
                    continue;
                }
                try (ServerSocket tcp = new ServerSocket(candidate)) {
                    return candidate;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port for turnserver");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
