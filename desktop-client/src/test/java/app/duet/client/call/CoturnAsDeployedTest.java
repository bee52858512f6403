package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.testing.Waits;
import app.duet.server.turn.IceServersProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * coturn as admins deploy it: {@link Coturn} starts it with the shipped configuration file. It reads every
 * denied range of that file; it refuses to relay toward the cloud metadata service, private, carrier-grade NAT,
 * loopback and benchmark addresses (coturn's 403 Forbidden IP), yet relays toward a public address; one
 * account gets no more relays than the file's user-quota; it serves TURN over TLS 1.2 or later, and a call
 * still connects through it.
 * <p>
 * The relays toward single addresses are asked for by coturn's own client, {@code turnutils_uclient}, as any
 * holder of a Duet TURN credential could. Its TLS mode ({@code -S}) cannot test the TLS listener: for each
 * connection it picks one of SSLv23, TLS 1.0, 1.1 and 1.2 at random and retries a refused TLS 1.0 forever, so
 * the TLS listener is tested with a STUN Binding over a Java TLS socket that trusts only coturn's certificate.
 */
class CoturnAsDeployedTest {

    private static final Path UCLIENT = Path.of("/usr/bin/turnutils_uclient");
    private static final String SECRET = "deployed-turn-secret";
    private static final Duration WAIT = Waits.SLOW_CALL;
    /** What turnutils_uclient prints when coturn refuses the peer (CreatePermission or ChannelBind). */
    private static final String FORBIDDEN = "403 (Forbidden IP)";
    /** What turnutils_uclient prints when coturn refuses an allocation over user-quota or total-quota. */
    private static final String OVER_QUOTA = "486 (Allocation Quota Reached)";
    /** What turnutils_uclient prints once its allocation, permission and channel to the peer are in place. */
    private static final String RELAYING = "Total connect time";
    /**
     * Not public hosts, each in a range the file denies. The test's own 127.0.0.1 is allowed, and coturn on
     * loopback allows loopback peers: 127.0.0.2 shows the deny list still holds for the rest of 127.0.0.0/8.
     * (0.0.0.0/8 and 240.0.0.0/4 are left out: coturn refuses them before it looks at the list.)
     */
    private static final List<String> DENIED = List.of(
            "169.254.169.254", // cloud metadata service
            "10.0.0.1", "172.16.0.1", "192.168.1.1", // RFC 1918
            "100.64.0.1", // carrier-grade NAT
            "127.0.0.2", // loopback
            "198.18.0.1"); // benchmarking; the network lab's range, allowed only for the lab's own addresses
    /**
     * A public address. Nothing reaches it: the relay socket is bound to 127.0.0.1, which Linux never routes
     * off the machine; the test needs only coturn's permission to send there.
     */
    private static final String PUBLIC = "8.8.8.8";
    /** STUN's magic cookie (RFC 5389), in every request and response header. */
    private static final int MAGIC_COOKIE = 0x2112A442;

    @TempDir
    Path temp;

    @Test
    void coturn_runs_with_every_denied_range_of_the_shipped_file() throws Exception {
        assumeTrue(Coturn.installed(), "coturn is installed by scripts/install-deps.sh");
        List<String> denied = Files.readAllLines(Coturn.CONFIG).stream()
                .filter(line -> line.startsWith("denied-peer-ip="))
                .map(line -> line.substring("denied-peer-ip=".length()).trim())
                .toList();
        assertThat(denied).as("denied ranges in %s", Coturn.CONFIG)
                .contains("169.254.0.0-169.254.255.255", "100.64.0.0-100.127.255.255", "127.0.0.0-127.255.255.255",
                        "64:ff9b::-64:ff9b::ffff:ffff", "fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                        "fe80::-feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::1")
                // coturn 4.6 reads a range starting at :: as "from any address", IPv4 included.
                .noneMatch(range -> range.equals("::") || range.startsWith("::-"));
        try (Coturn turn = Coturn.start(SECRET, temp.resolve("turn.log"))) {
            String log = turn.log();
            assertThat(denied).allSatisfy(range -> assertThat(log).contains("Black listing: " + range));
            assertThat(log).contains("White listing: 127.0.0.1", "--no-tcp-relay");
        }
    }

    @Test
    void a_relay_toward_an_address_that_is_not_a_public_host_is_forbidden_and_one_toward_a_public_host_is_not()
            throws Exception {
        assumeTrue(Coturn.installed() && Files.isExecutable(UCLIENT), "coturn is installed by scripts/install-deps.sh");
        try (Coturn turn = Coturn.start(SECRET, temp.resolve("turn.log"))) {
            for (String peer : DENIED) {
                assertThat(relayToward(turn, peer)).as("a relay toward %s", peer).contains(FORBIDDEN);
                await().atMost(WAIT).untilAsserted(() ->
                        assertThat(turn.log()).contains("A peer IP " + peer + " denied in the range"));
            }
            assertThat(relayToward(turn, PUBLIC)).as("a relay toward %s", PUBLIC)
                    .contains(RELAYING).doesNotContain(FORBIDDEN);
        }
    }

    @Test
    void one_account_holds_no_more_relays_than_the_user_quota_while_another_still_gets_one() throws Exception {
        assumeTrue(Coturn.installed() && Files.isExecutable(UCLIENT), "coturn is installed by scripts/install-deps.sh");
        int quota = Integer.parseInt(Files.readAllLines(Coturn.CONFIG).stream()
                .filter(line -> line.startsWith("user-quota=")).findFirst().orElseThrow()
                .substring("user-quota=".length()).trim());
        try (Coturn turn = Coturn.start(SECRET, temp.resolve("turn.log"))) {
            assertThat(relayToward(turn, "127.0.0.1", "hog", quota + 1))
                    .as("%s relays at once for one account", quota + 1).contains(OVER_QUOTA);
            assertThat(relayToward(turn, "127.0.0.1", "ann", 1)).contains(RELAYING).doesNotContain(OVER_QUOTA);
        }
    }

    @Test
    void the_tls_listener_answers_stun_over_tls_1_2_or_later() throws Exception {
        assumeTrue(Coturn.installed(), "coturn is installed by scripts/install-deps.sh");
        try (Coturn turn = Coturn.start(SECRET, temp.resolve("turn.log"))) {
            SSLContext tls = trusting(turn.certificate());
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(turn.address(), turn.tlsPort())) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the address
                socket.setSSLParameters(parameters);
                socket.setSoTimeout((int) WAIT.toMillis());
                socket.startHandshake();
                assertThat(socket.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");

                byte[] transaction = new byte[12];
                new SecureRandom().nextBytes(transaction);
                OutputStream out = socket.getOutputStream();
                out.write(ByteBuffer.allocate(20).putShort((short) 0x0001).putShort((short) 0)
                        .putInt(MAGIC_COOKIE).put(transaction).array());
                out.flush();
                DataInputStream in = new DataInputStream(socket.getInputStream());
                int type = in.readUnsignedShort();
                int length = in.readUnsignedShort();
                int cookie = in.readInt();
                byte[] answered = in.readNBytes(12);
                in.readNBytes(length);
                assertThat(type).as("STUN Binding success response").isEqualTo(0x0101);
                assertThat(cookie).isEqualTo(MAGIC_COOKIE);
                assertThat(Arrays.equals(answered, transaction)).as("same transaction").isTrue();
            }
        }
    }

    @Test
    void a_call_connects_through_the_relay_while_a_relay_toward_the_metadata_service_is_forbidden() throws Exception {
        assumeTrue(Coturn.installed() && Files.isExecutable(UCLIENT), "coturn is installed by scripts/install-deps.sh");
        EngineListener annEvents = new EngineListener();
        EngineListener bobEvents = new EngineListener();
        try (MediaEngine media = EngineRig.headlessMedia(); EngineRig rig = new EngineRig(media, temp)) {
            Coturn turn = rig.closeLater(Coturn.start(SECRET, temp.resolve("turn.log")));
            EngineRig.RelayOnlyCall call = rig.relayOnlyCallAccepted(rig.serverHandingOut(turn.url(), SECRET).uri(),
                    annEvents, bobEvents);
            CallEngine ann = call.ann();
            CallEngine bob = call.bob();
            await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);

            assertThat(relayToward(turn, "169.254.169.254")).contains(FORBIDDEN);
            await().atMost(WAIT).untilAsserted(() -> {
                CallQuality quality = annEvents.lastQuality();
                assertThat(quality).isNotNull();
                assertThat(quality.path()).isEqualTo(CallQuality.NetworkPath.RELAY);
                assertThat(quality.localCandidateType()).isEqualTo("relay");
                assertThat(quality.bitrateInKbps()).isPositive();
            });
            await().atMost(WAIT).until(() -> bob.controls().remoteVideo().publishedFrames() > 10
                    && ann.controls().remoteVideo().publishedFrames() > 10);
            assertThat(bobEvents.lastQuality().path()).isEqualTo(CallQuality.NetworkPath.RELAY);
            assertThat(ann.state()).isEqualTo(CallState.CONNECTED);
            ann.hangup().join();
        }
    }

    private String relayToward(Coturn turn, String peer) throws IOException, InterruptedException {
        return relayToward(turn, peer, "mallory", 1);
    }

    /**
     * Asks coturn, with a valid credential of Duet user {@code account}, for {@code relays} relays at once
     * toward {@code peer}; returns what turnutils_uclient printed once it knows whether coturn lets it (it
     * would go on sending otherwise).
     */
    private String relayToward(Coturn turn, String peer, String account, int relays)
            throws IOException, InterruptedException {
        String user = (Instant.now().getEpochSecond() + 3600) + ":" + account;
        Path output = temp.resolve("uclient-" + account + "-" + peer + ".out");
        Process uclient = new ProcessBuilder(UCLIENT.toString(), "-c", "-n", "1", "-m", Integer.toString(relays),
                "-u", user, "-w", IceServersProvider.credential(SECRET, user),
                "-p", Integer.toString(turn.port()), "-e", peer, "-r", "9", turn.address())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(WAIT).until(() -> {
                String printed = Files.readString(output, StandardCharsets.UTF_8);
                return printed.contains(FORBIDDEN) || printed.contains(OVER_QUOTA) || printed.contains(RELAYING)
                        || !uclient.isAlive();
            });
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            uclient.destroy();
            if (!uclient.waitFor(5, TimeUnit.SECONDS)) {
                uclient.destroyForcibly().waitFor();
            }
        }
    }

    /** TLS that trusts this one certificate, and nothing else. */
    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("coturn", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
