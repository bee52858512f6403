package app.duet.client.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import app.duet.server.testing.ServerCluster;
import app.duet.server.testing.SharedPostgres;

/**
 * One {@link ServerCluster} (two server processes on a private Redis and PostgreSQL behind the shipped HAProxy
 * configuration) for a test class's tests: register it on a static field with {@code @RegisterExtension} and
 * tag the class {@value #TAG}, which runs it in desktop-client's "multinode-tests" surefire execution. Started
 * before the first test, stopped after the last, its files and logs kept under
 * {@code desktop-client/target/multinode/<class>/}. A test that kills or stops nodes calls
 * {@link ServerCluster#heal()} afterwards, so the next test finds both nodes up.
 *
 * <p>The app's signaling client opens {@code wss://} with the JVM's default TLS context, and the balancer's
 * certificate is made for the run: for the class this JVM's default context trusts that certificate (and the
 * old default is put back after), which is why these tests have a JVM of their own.
 */
public final class MultiNodeCluster implements BeforeAllCallback, AfterAllCallback {

    /** The tag of multi-node test classes. */
    public static final String TAG = "multinode";

    private final String[] serverArgs;
    private ServerCluster cluster;
    private SSLContext previousDefault;

    /** {@code serverArgs}: flags every node gets besides the cluster's own. */
    public MultiNodeCluster(String... serverArgs) {
        this.serverArgs = serverArgs.clone();
    }

    public ServerCluster get() {
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path dir = Path.of("target", "multinode", context.getRequiredTestClass().getSimpleName()).toAbsolutePath();
        deleteRecursively(dir);
        cluster = ServerCluster.start(dir, SharedPostgres.in(context), serverArgs);
        previousDefault = SSLContext.getDefault();
        SSLContext.setDefault(cluster.trust());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (previousDefault != null) {
            SSLContext.setDefault(previousDefault);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The last run's files go: a stale stats socket would look like a balancer that is up. */
    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
