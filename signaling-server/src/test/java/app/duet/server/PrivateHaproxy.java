package app.duet.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real HAProxy running the configuration Duet ships to admins ({@code installers/server/files/duet-haproxy.cfg})
 * in front of two nodes: only the values its {@code presetenv} lines leave to the environment differ (a free
 * port on 127.0.0.1, a certificate made here with openssl, the nodes' ports, its own directory for the stats
 * socket). Fails clearly when haproxy is missing or does not start; stopped by {@link #close()}.
 */
public final class PrivateHaproxy implements AutoCloseable {
    /** The file's backend of healthy nodes. */
    public static final String BACKEND = "duet_nodes";
    /** The file's second backend: the same nodes, used only while none of {@link #BACKEND} is healthy. */
    public static final String ALIVE_BACKEND = "duet_nodes_alive";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /** What {@code show servers state} says of a server: its operational state (0 stopped, 2 running). */
    public enum State { DOWN, UP, OTHER }

    /** Where a node listens: its WebSocket port and the ops port of its /healthz, both on 127.0.0.1. */
    public record Node(int port, int opsPort) {
    }

    private final Process process;
    private final Path dir;
    private final int port;
    private final SSLContext trust;

    private PrivateHaproxy(Process process, Path dir, int port, SSLContext trust) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.trust = trust;
    }

    /** Starts haproxy with {@code node1} and {@code node2} as the file's two servers; waits until it listens. */
    static PrivateHaproxy start(Path dir, DuetServer node1, DuetServer node2) throws IOException, InterruptedException {
        return start(dir, new Node(node1.port(), node1.opsPort()), new Node(node2.port(), node2.opsPort()));
    }

    /** The same for nodes in other processes (the file's {@code node1} and {@code node2}). */
    public static PrivateHaproxy start(Path dir, Node node1, Node node2) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path cert = selfSignedPem(dir);
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("haproxy", "-db", "-f", shippedConfig().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile());
        builder.environment().putAll(Map.of(
                "DUET_LISTEN", "127.0.0.1:" + port,
                "DUET_CERT", cert.toString(),
                "DUET_HAPROXY_RUN", dir.toString(),
                "DUET_NODE1", "127.0.0.1:" + node1.port(), "DUET_NODE1_OPS", Integer.toString(node1.opsPort()),
                "DUET_NODE2", "127.0.0.1:" + node2.port(), "DUET_NODE2_OPS", Integer.toString(node2.opsPort())));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("haproxy could not be started (is it installed? scripts/install-deps.sh "
                    + "installs it): " + e.getMessage(), e);
        }
        PrivateHaproxy haproxy = new PrivateHaproxy(process, dir, port, trusting(dir.resolve("cert.pem")));
        try {
            await("haproxy listening on " + port).atMost(START_TIMEOUT).until(haproxy::listening);
        } catch (RuntimeException e) {
            haproxy.close();
            throw e;
        }
        return haproxy;
    }

    /** wss:// through the balancer. */
    public URI uri() {
        return URI.create("wss://127.0.0.1:" + port + "/");
    }

    /** Trusts the balancer's certificate (and nothing else). */
    public SSLContext trust() {
        return trust;
    }

    /** The health-check state of server "node1" or "node2" in the main backend, read from the stats socket. */
    public State state(String server) throws IOException {
        return state(BACKEND, server);
    }

    /** The health-check state of {@code server} in {@code backend}, read from the stats socket. */
    public State state(String backend, String server) throws IOException {
        String table = command("show servers state " + backend);
        for (String line : table.lines().toList()) {
            String[] f = line.split(" ");
            // be_id be_name srv_id srv_name srv_addr srv_op_state ...
            if (f.length > 5 && f[1].equals(backend) && f[3].equals(server)) {
                return switch (f[5]) {
                    case "0" -> State.DOWN;
                    case "2" -> State.UP;
                    default -> State.OTHER;
                };
            }
        }
        throw new IllegalStateException("no server " + server + " in: " + table);
    }

    /** One command on the runtime API (the stats socket the file declares), its whole answer. */
    public String command(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(dir.resolve("admin.sock")));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private boolean listening() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("haproxy exited with " + process.exitValue() + ": "
                    + Files.readString(dir.resolve("haproxy.log")));
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return Files.exists(dir.resolve("admin.sock"));
        } catch (IOException e) {
            return false;
        }
    }

    /** installers/server/files/duet-haproxy.cfg, found from the module directory the tests run in. */
    private static Path shippedConfig() {
        Path relative = Path.of("installers", "server", "files", "duet-haproxy.cfg");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("no " + relative + " above " + Path.of("").toAbsolutePath());
    }

    /** A certificate for 127.0.0.1 with its key, in one PEM file as haproxy's {@code crt} takes it. */
    private static Path selfSignedPem(Path dir) throws IOException, InterruptedException {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1"), dir);
        Path pem = dir.resolve("duet.pem");
        Files.writeString(pem, Files.readString(cert) + Files.readString(key));
        return pem;
    }

    private static SSLContext trusting(Path certPem) throws IOException {
        try (InputStream in = Files.newInputStream(certPem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("haproxy", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + certPem, e);
        }
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(dir.resolve("openssl.log")));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
