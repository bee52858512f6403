package app.duet.client.headless;

import static app.duet.client.headless.HeadlessCallTest.flags;
import static app.duet.client.headless.SeparateNetworksCallTest.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import com.google.gson.JsonObject;

import app.duet.client.call.Coturn;
import app.duet.client.testing.LabHost;
import app.duet.client.testing.NetworkLab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;

/**
 * A call between two separate networks (see {@link NetworkLab}) loses one side's network mid-call and gets
 * it back; the call engine must bring the call back by itself, and both sides must say so.
 */
class NetworkLossRecoveryTest {

    /**
     * How long the link stays down after both sides noticed the loss. libwebrtc declares the path failed
     * about 10 s after it went quiet; holding longer means the old path is dead for good and only the
     * engine's ICE restart can bring the call back (a shorter outage heals inside libwebrtc by itself).
     */
    private static final Duration BEYOND_ICE_FAILURE = Duration.ofSeconds(15);

    /** How long nobody may reconnect while a moved host's link is down: only long enough to check it. */
    private static final Duration NOTICED = Duration.ofSeconds(1);

    @RegisterExtension
    final NetworkLab lab = new NetworkLab();

    @TempDir
    Path temp;

    @Test
    void after_the_network_is_gone_longer_than_ice_allows_the_call_restarts_ice_and_recovers() throws Exception {
        callLosingNetwork(false, host -> { }, BEYOND_ICE_FAILURE);
    }

    @Test
    void after_the_caller_moves_to_a_new_address_the_call_recovers() throws Exception {
        callLosingNetwork(true, host -> host.renumber(3), NOTICED);
    }

    @Test
    void after_the_callee_moves_to_a_new_address_the_call_recovers() throws Exception {
        callLosingNetwork(false, host -> host.renumber(3), NOTICED);
    }

    /**
     * A call over TURN; one side (the callee, which does not restart ICE by itself, unless {@code callerMoves})
     * loses its link until both sides notice, {@code whileDown} happens, both sides stay reconnecting for
     * {@code heldDown} (checked all along, not slept through), the link comes back: pictures and
     * tone must resume both ways. A new address also kills that side's signaling connection; its client sees
     * the socket's address gone and resumes from the new one, and recovery waits for that resume.
     */
    private void callLosingNetwork(boolean callerMoves, Consumer<LabHost> whileDown, Duration heldDown)
            throws Exception {
        LabHost annHost = callerMoves ? lab.hostA() : lab.hostB();
        LabHost bobHost = callerMoves ? lab.hostB() : lab.hostA();
        assumeTrue(Coturn.installed(), "coturn is installed by scripts/install-deps.sh");
        try (Coturn turn = Coturn.start(SeparateNetworksCallTest.SECRET, temp.resolve("turn.log"), lab.services(), lab.range());
             TestServer server = TestServer.start(temp.resolve("server"), s -> s.host(lab.services())
                     .turnUrls(List.of(turn.url())).turnSecret(SeparateNetworksCallTest.SECRET));
             HeadlessProcess bob = HeadlessProcess.start("bob", temp, false, bobHost::wrap,
                     flags(server, "bob", "room", "--answer"));
             HeadlessProcess ann = HeadlessProcess.start("ann", temp, false, annHost::wrap,
                     flags(server, "ann", "room", "--call"))) {
            for (HeadlessProcess p : List.of(ann, bob)) {
                p.awaitLine("stats", SeparateNetworksCallTest::relayedPicturesAndTone, Waits.NETWORK_CALL);
            }

            long down = System.currentTimeMillis();
            lab.hostA().linkDown();
            for (HeadlessProcess p : List.of(ann, bob)) {
                p.awaitLine("call_state", l -> state(l, "reconnecting") && after(l, down), Waits.NETWORK_CALL);
            }
            whileDown.accept(lab.hostA());
            await("nobody reconnects without a network").during(heldDown).atMost(heldDown.plusSeconds(5))
                    .until(() -> lastState(ann).equals("reconnecting") && lastState(bob).equals("reconnecting"));
            long up = System.currentTimeMillis();
            lab.hostA().linkUp();

            for (HeadlessProcess p : List.of(ann, bob)) {
                p.awaitLine("call_state", l -> state(l, "connected") && after(l, up), Waits.NETWORK_CALL);
                long framesAtUp = lastFrames(p, up);
                p.awaitLine("stats", s -> after(s, up) && frames(s) >= framesAtUp + 15
                        && number(s.getAsJsonObject("rendered"), "fps") > 10
                        && number(s, "audioLevel") > 0.05, Waits.NETWORK_CALL);
            }
            ann.terminate();
            assertThat(bob.awaitExit(Waits.PROCESS_EXIT)).as("bob's exit code\n%s", bob).isZero();
            assertThat(bob.first("call_ended").orElseThrow().get("reason").getAsString()).isEqualTo("remote_hangup");
            ann.awaitExit(Waits.PROCESS_EXIT);
        }
    }

    private static boolean state(JsonObject line, String state) {
        return line.get("state").getAsString().equals(state);
    }

    private static boolean after(JsonObject line, long millis) {
        return line.get("ts").getAsLong() > millis;
    }

    private static String lastState(HeadlessProcess p) {
        return p.lines("call_state").stream().reduce((a, b) -> b).orElseThrow().get("state").getAsString();
    }

    private static long frames(JsonObject stats) {
        return stats.getAsJsonObject("rendered").get("frames").getAsLong();
    }

    /** Remote frames rendered by this time (the call's count does not restart when the path does). */
    private static long lastFrames(HeadlessProcess p, long millis) {
        return p.lines("stats").stream().filter(s -> !after(s, millis)).reduce((a, b) -> b)
                .map(NetworkLossRecoveryTest::frames).orElse(0L);
    }
}
