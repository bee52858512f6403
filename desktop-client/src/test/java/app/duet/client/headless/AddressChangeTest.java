package app.duet.client.headless;

import static app.duet.client.headless.HeadlessCallTest.flags;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.testing.NetworkLab;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;

/**
 * A machine that gets another address (a new Wi-Fi or DHCP lease) is left with a dead signaling socket that
 * TCP does not report. The client sees that its socket's address is gone and reconnects from the new one at
 * once, instead of when its unanswered pings give up (20-30 s).
 */
class AddressChangeTest {

    /** Well under the pings' 20 s, so only the address check can reconnect this soon. */
    private static final Duration NOTICED = Duration.ofSeconds(10);

    @RegisterExtension
    final NetworkLab lab = new NetworkLab();

    @TempDir
    Path temp;

    @Test
    void a_client_whose_address_changes_reconnects_from_the_new_one_and_resumes() throws Exception {
        try (TestServer server = TestServer.start(temp.resolve("server"), s -> s.host(lab.services()));
             HeadlessProcess bob = HeadlessProcess.start("bob", temp, false, lab.hostB()::wrap,
                     flags(server, "bob", "room", "--answer"))) {
            bob.awaitLine("ready", line -> true, Waits.NETWORK_CALL);
            long moved = System.currentTimeMillis();
            lab.hostB().renumber(3);

            bob.awaitLine("session", line -> line.get("ts").getAsLong() > moved
                    && line.get("resumed").getAsBoolean(), NOTICED);
            // The resumed session is reported just before the connection counts as connected again.
            bob.awaitLine("signaling", line -> line.get("ts").getAsLong() > moved
                    && line.get("state").getAsString().equals("connected"), Waits.SIGNALING);
            assertThat(bob.lines("signaling")).as("lost, then connected again")
                    .filteredOn(line -> line.get("ts").getAsLong() > moved)
                    .extracting(line -> line.get("state").getAsString())
                    .startsWith("reconnecting").endsWith("connected");
        }
    }
}
