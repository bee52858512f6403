package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.Protocol;
import app.duet.protocol.Request;
import java.nio.file.Path;
import org.java_websocket.framing.CloseFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the server does about clients that stop reading or stop answering: it does not hold on to them. */
@ExtendWith(NoLeakedThreads.class)
class BackPressureIntegrationTest {
    /** 30 KB offers: a 64 KiB outbound limit is passed after a few once the socket buffers are full. */
    private static final String BIG_SDP = "v=0\r\n" + "a=x".repeat(10_000) + "\r\n";

    @TempDir
    Path dataDir;

    @Test
    void aPeerThatStopsReadingIsDroppedOnceItsUnsentFramesPassTheLimitAndTheSenderCarriesOn() throws Exception {
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir)
                .outboundBufferBytes(Protocol.MAX_FRAME_BYTES).rateLimitPerSecond(10_000).rateLimitBurst(10_000).build());
                CallsIntegrationTest.Pair p = CallsIntegrationTest.pair(server)) {
            String callId = CallsIntegrationTest.connect(p);
            p.b().stopReading();

            // Socket buffers on loopback hold a few MB; past them the frames wait on the server.
            int sent = 0;
            while (closedNotReading(server) == 0 && sent < 2_000) {
                p.a().ok(new Request.Offer(p.a().nextId(), callId, BIG_SDP));
                sent++;
            }

            assertThat(closedNotReading(server)).as("connections dropped for not reading, after %d offers", sent)
                    .isEqualTo(1);
            p.a().ok(new Request.Ping(p.a().nextId()));
            p.b().resumeReading();
            assertThat(p.b().awaitClose()).isEqualTo(CloseFrame.ABNORMAL_CLOSE);
        }
    }

    @Test
    void aClientThatStopsAnsweringPingsIsDroppedAndOneThatAnswersStays() throws Exception {
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir).heartbeatSeconds(2).build());
                TestClient answering = TestClient.hello(server);
                TestClient silent = TestClient.hello(server)) {
            silent.stopAnsweringPings();

            assertThat(silent.awaitClose()).isEqualTo(CloseFrame.ABNORMAL_CLOSE);
            // Silent for longer than the one dropped, but for the pongs: it is still there.
            answering.ok(new Request.Ping(answering.nextId()));
        }
    }

    private static long closedNotReading(DuetServer server) throws Exception {
        String metrics = TestServers.ops(server, "/metrics").body();
        String line = "duet_connections_closed_total{code=\"" + Protocol.CLOSE_NOT_READING + "\"} ";
        return metrics.lines().filter(l -> l.startsWith(line))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(line.length()).trim())).sum();
    }
}
