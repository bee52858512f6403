package app.duet.client.headless;

import static app.duet.client.headless.HeadlessCallTest.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;

import app.duet.client.call.Coturn;
import app.duet.client.testing.NetworkLab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;

/**
 * Two headless clients on separate networks (Linux network namespaces, see {@link NetworkLab}) that cannot
 * reach each other, calling through the real signaling server and a real coturn that both can reach. Nobody
 * forces relay: the call must find the TURN path by itself from the ICE servers the server hands out.
 */
class SeparateNetworksCallTest {

    static final String SECRET = "lab-turn-secret";
    /** Two JVMs with libwebrtc start on a loaded 2-core machine; a call normally connects within ~5 s. */
    /** The control's clients give up on media after this; long enough for every ICE check to run out. */
    private static final String CONNECT_TIMEOUT = "10s";

    @RegisterExtension
    final NetworkLab lab = new NetworkLab();

    @TempDir
    Path temp;

    @Test
    void a_call_between_two_networks_without_a_direct_path_connects_through_turn_by_itself() throws Exception {
        assumeTrue(Coturn.installed(), "coturn is installed by scripts/install-deps.sh");
        try (Coturn turn = Coturn.start(SECRET, temp.resolve("turn.log"), lab.services(), lab.range());
             TestServer server = withTurn(turn);
             HeadlessProcess bob = HeadlessProcess.start("bob", temp, false, lab.hostB()::wrap,
                     flags(server, "bob", "room", "--answer"));
             HeadlessProcess ann = HeadlessProcess.start("ann", temp, false, lab.hostA()::wrap,
                     flags(server, "ann", "room", "--call", "--duration", "8s"))) {

            for (HeadlessProcess p : List.of(ann, bob)) {
                p.awaitLine("stats", SeparateNetworksCallTest::relayedPicturesAndTone, Waits.NETWORK_CALL);
            }
            assertThat(ann.awaitExit(Waits.PROCESS_EXIT)).as("ann's exit code\n%s", ann).isZero();
            assertThat(bob.awaitExit(Waits.PROCESS_EXIT)).as("bob's exit code\n%s", bob).isZero();
        }
    }

    @Test
    void without_turn_the_same_call_cannot_connect_and_both_clients_report_a_failed_call() throws Exception {
        try (TestServer server = TestServer.start(temp.resolve("server"), s -> s.host(lab.services()));
             HeadlessProcess bob = HeadlessProcess.start("bob", temp, false, lab.hostB()::wrap,
                     flags(server, "bob", "room", "--answer", "--connect-timeout", CONNECT_TIMEOUT));
             HeadlessProcess ann = HeadlessProcess.start("ann", temp, false, lab.hostA()::wrap,
                     flags(server, "ann", "room", "--call", "--connect-timeout", CONNECT_TIMEOUT))) {

            for (HeadlessProcess p : List.of(ann, bob)) {
                p.awaitLine("call_state", l -> l.get("state").getAsString().equals("negotiating"), Waits.NETWORK_CALL);
            }
            for (HeadlessProcess p : List.of(ann, bob)) {
                assertThat(p.awaitExit(Waits.NETWORK_CALL.plus(Waits.PROCESS_EXIT))).as("%s", p).isEqualTo(ExitCode.CALL_FAILED.code());
                assertThat(p.first("connected")).as("%s", p).isEmpty();
            }
            assertThat(List.of(ann, bob)).as("one side gave up on media")
                    .anySatisfy(p -> assertThat(p.first("hangup").orElseThrow().get("why").getAsString())
                            .isEqualTo("connect_timeout"));
        }
    }

    /** The real server on the lab's service address, handing out TURN credentials for this coturn. */
    TestServer withTurn(Coturn turn) {
        return TestServer.start(temp.resolve("server"),
                s -> s.host(lab.services()).turnUrls(List.of(turn.url())).turnSecret(SECRET));
    }

    /**
     * A stats line showing the media took the relay and pictures and tone arrive. One relay candidate is
     * enough: a host can reach the other's relay address on the TURN server directly.
     */
    static boolean relayedPicturesAndTone(JsonObject stats) {
        JsonObject rendered = stats.getAsJsonObject("rendered");
        return stats.get("path").getAsString().equals("relay")
                && ("relay".equals(text(stats, "localCandidate")) || "relay".equals(text(stats, "remoteCandidate")))
                && number(rendered, "fps") > 10
                && rendered.has("stamp")
                && number(stats, "audioLevel") > 0.05;
    }

    /** A number of a JSON line; NaN (never large enough) while still unknown (null). */
    static double number(JsonObject line, String field) {
        return line.get(field).isJsonNull() ? Double.NaN : line.get(field).getAsDouble();
    }

    private static String text(JsonObject line, String field) {
        return line.get(field).isJsonNull() ? null : line.get(field).getAsString();
    }
}
