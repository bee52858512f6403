package app.duet.client.call;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import app.duet.client.testing.Waits;

/**
 * A real coturn ({@code turnserver}, Debian package coturn) started with the configuration file that Duet ships
 * to admins, {@link #CONFIG}, so the tests relay through exactly what production runs. On the command line it
 * overrides only what a test must: free ports, one listening and relay address (loopback unless told
 * otherwise), the secret, the realm, a throwaway self-signed certificate, log and pid files (a verbose log), and
 * the peers the test's own clients use.
 * <p>
 * Those peers sit on loopback or on the network lab's benchmark range (198.18.0.0/15), both of which the file
 * denies, as it should for a public server. {@code allowed-peer-ip} lets them through: in coturn an allowed
 * address wins over every denied range, so the rest of the deny list stays in force (a relay toward
 * 169.254.169.254 or 10.0.0.1 is still refused). Loopback peers are refused even before the lists are looked at,
 * so a server on loopback also needs {@code allow-loopback-peers}.
 */
public final class Coturn implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/turnserver");
    /** The shipped coturn configuration, the single copy the admin guide points at. */
    public static final Path CONFIG = findConfig();
    private static final String REALM = "duet.test";
    private static final int RELAY_PORTS = 40;
    private static final long OPENSSL_SECONDS = 30;

    private final Process process;
    private final String address;
    private final int port;
    private final int tlsPort;
    private final Path log;
    private final Path certificate;

    private Coturn(Process process, String address, int port, int tlsPort, Path log, Path certificate) {
        this.process = process;
        this.address = address;
        this.port = port;
        this.tlsPort = tlsPort;
        this.log = log;
        this.certificate = certificate;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** On loopback, relaying to 127.0.0.1 only (where the test's own clients are). */
    public static Coturn start(String secret, Path logFile) throws IOException {
        return start(secret, logFile, "127.0.0.1", "127.0.0.1");
    }

    /**
     * On loopback, relaying to this machine's own addresses: for a call whose other side does not force the
     * relay and so offers its host candidates, which libwebrtc gathers on the machine's (private) interfaces.
     */
    public static Coturn startForThisMachine(String secret, Path logFile) throws IOException {
        List<String> own = new ArrayList<>(List.of("127.0.0.1"));
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            nic.inetAddresses().filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress())
                    .forEach(a -> own.add(a.getHostAddress()));
        }
        return start(secret, logFile, "127.0.0.1", own.toArray(String[]::new));
    }

    /**
     * Listens and relays on {@code address} only and may relay to {@code allowedPeers} (addresses or
     * first-last ranges) besides the public addresses the configuration file permits.
     */
    public static Coturn start(String secret, Path logFile, String address, String... allowedPeers) throws IOException {
        if (!Files.isReadable(CONFIG)) {
            // coturn itself would start without a word and without the file's protections.
            throw new IOException("No coturn configuration at " + CONFIG);
        }
        Path dir = logFile.toAbsolutePath().getParent();
        Path certificate = dir.resolve("turn-cert.pem");
        Path key = dir.resolve("turn-key.pem");
        selfSignedCertificate(address, certificate, key);
        int port = freeUdpAndTcpPort();
        int relayMin = freeUdpAndTcpPort();
        int tlsPort = freeTcpPort();
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-c", CONFIG.toString(),
                "--listening-ip", address, "--relay-ip", address,
                "--listening-port", Integer.toString(port), "--tls-listening-port", Integer.toString(tlsPort),
                "--min-port", Integer.toString(relayMin), "--max-port", Integer.toString(relayMin + RELAY_PORTS),
                "--static-auth-secret", secret, "--realm", REALM,
                "--cert", certificate.toString(), "--pkey", key.toString(),
                // Verbose: coturn then logs each session's end with what it received, so a test sees a client
                // that dropped a TLS connection without sending anything (TurnOverTlsCallTest).
                "--log-file", logFile.toAbsolutePath().toString(), "--simple-log", "--verbose",
                "--pidfile", dir.resolve("turn.pid").toString()));
        for (String peer : allowedPeers) {
            command.addAll(List.of("--allowed-peer-ip", peer));
        }
        if (InetAddress.getByName(address).isLoopbackAddress()) {
            command.add("--allow-loopback-peers");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("turn.out").toFile()).start();
        Coturn coturn = new Coturn(process, address, port, tlsPort, logFile.toAbsolutePath(), certificate);
        await().atMost(Waits.HELPER_START).until(() -> coturn.accepts(port) && coturn.accepts(tlsPort) && coturn.readTheFile());
        return coturn;
    }

    public String url() {
        return "turn:" + address + ":" + port + "?transport=udp";
    }

    /** TURN over TLS, the listener the file puts on 443. */
    public String tlsUrl() {
        return "turns:" + address + ":" + tlsPort + "?transport=tcp";
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    public int tlsPort() {
        return tlsPort;
    }

    /** The self-signed certificate (PEM) of the TLS listener, for a test client to trust. */
    public Path certificate() {
        return certificate;
    }

    /** coturn's log so far. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private boolean accepts(int tcpPort) {
        if (!process.isAlive()) {
            throw new IllegalStateException("turnserver exited with " + process.exitValue());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, tcpPort), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** coturn logs every denied range it read ("Black listing: first-last"); the link-local one is in the file. */
    private boolean readTheFile() throws IOException {
        return log().contains("Black listing: 169.254.0.0-169.254.255.255");
    }

    private static void selfSignedCertificate(String address, Path certificate, Path key) throws IOException {
        String subjectAltName = "subjectAltName=" + (Character.isDigit(address.charAt(0)) ? "IP:" : "DNS:") + address;
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=" + address,
                "-addext", subjectAltName, "-keyout", key.toString(), "-out", certificate.toString())
                .redirectErrorStream(true).start();
        try {
            String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!openssl.waitFor(OPENSSL_SECONDS, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
                openssl.destroyForcibly();
                throw new IOException("openssl could not make a certificate: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted making a certificate", e);
        }
    }

    /** installers/server/files/turnserver.conf, found from the module directory the tests run in. */
    private static Path findConfig() {
        Path relative = Path.of("installers", "server", "files", "turnserver.conf");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        return Path.of("").toAbsolutePath().resolve(relative);
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

    private static int freeTcpPort() throws IOException {
        try (ServerSocket tcp = new ServerSocket(0)) {
            return tcp.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
