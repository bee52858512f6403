package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.Request;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** wss:// with a PKCS12 keystore; the client trusts exactly that certificate (no trust-all). */
@ExtendWith(NoLeakedThreads.class)
class TlsIntegrationTest {
    private static final String PASSWORD = "keystore-password";

    @TempDir
    Path dir;

    @Test
    void serverSpeaksWssWithTheConfiguredCertificate() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "duet", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        try (DuetServer server = DuetServer.start(TestServers.config(dir.resolve("data"))
                .tlsKeystore(keystore).tlsKeystorePassword(PASSWORD).build())) {
            assertThat(server.uri().getScheme()).isEqualTo("wss");
            try (TestClient c = TestClient.connect(server.uri(), trusting(keystore))) {
                c.ok(new Request.Hello(c.nextId(), 1, "tls-test"));
                c.ok(new Request.Ping(c.nextId()));
            }
        }
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
