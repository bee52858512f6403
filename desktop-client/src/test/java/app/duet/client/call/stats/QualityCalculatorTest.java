package app.duet.client.call.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import app.duet.client.call.model.CallQuality;

import org.junit.jupiter.api.Test;

class QualityCalculatorTest {

    private static List<StatsEntry> report(long bytesIn, long bytesOut, long lost, long received, String localType) {
        return List.of(
                new StatsEntry("transport", "T1", Map.of("bytesReceived", bytesIn, "bytesSent", bytesOut,
                        "selectedCandidatePairId", "P1")),
                new StatsEntry("candidate-pair", "P1", Map.of("localCandidateId", "L1", "remoteCandidateId", "R1",
                        "currentRoundTripTime", 0.042, "availableOutgoingBitrate", 1_500_000.0)),
                new StatsEntry("local-candidate", "L1", localType.equals("relay")
                        ? Map.of("candidateType", localType, "relayProtocol", "tls") : Map.of("candidateType", localType)),
                new StatsEntry("remote-candidate", "R1", Map.of("candidateType", "host")),
                new StatsEntry("inbound-rtp", "I1", Map.of("kind", "video", "frameWidth", 640L, "frameHeight", 480L,
                        "framesPerSecond", 29.5, "packetsLost", lost, "packetsReceived", received)),
                new StatsEntry("outbound-rtp", "O1", Map.of("kind", "video", "frameWidth", 1280L,
                        "frameHeight", 720L, "framesPerSecond", 30.0, "qualityLimitationReason", "bandwidth")),
                new StatsEntry("remote-inbound-rtp", "RI1", Map.of("roundTripTime", 0.05, "fractionLost", 0.01)));
    }

    @Test
    void bitrates_and_loss_come_from_deltas() {
        QualityCalculator calculator = new QualityCalculator();
        CallQuality first = calculator.next(1_000_000, report(0, 0, 0, 0, "host"));
        assertThat(first.bitrateInKbps()).isEqualTo(-1);
        assertThat(first.incomingLossPercent()).isNaN();

        CallQuality second = calculator.next(2_000_000, report(125_000, 250_000, 5, 95, "host"));
        assertThat(second.bitrateInKbps()).isEqualTo(1000);
        assertThat(second.bitrateOutKbps()).isEqualTo(2000);
        assertThat(second.incomingLossPercent()).isCloseTo(5.0, within(0.01));
        assertThat(second.outgoingLossPercent()).isCloseTo(1.0, within(0.01));
        assertThat(second.roundTripMs()).isCloseTo(42.0, within(0.01));
        assertThat(second.incomingWidth()).isEqualTo(640);
        assertThat(second.incomingHeight()).isEqualTo(480);
        assertThat(second.incomingFps()).isEqualTo(29.5);
        assertThat(second.outgoingWidth()).isEqualTo(1280);
        assertThat(second.qualityLimitation()).isEqualTo("bandwidth");
        assertThat(second.availableOutgoingKbps()).isEqualTo(1500);
        assertThat(second.path()).isEqualTo(CallQuality.NetworkPath.DIRECT);
        assertThat(second.grade()).isEqualTo(CallQuality.Grade.FAIR);
    }

    @Test
    void a_relay_candidate_on_either_end_means_relayed() {
        CallQuality quality = new QualityCalculator().next(1, report(0, 0, 0, 0, "relay"));
        assertThat(quality.path()).isEqualTo(CallQuality.NetworkPath.RELAY);
        assertThat(quality.localCandidateType()).isEqualTo("relay");
        assertThat(quality.localRelayProtocol()).isEqualTo("tls");
        assertThat(QualityCalculator.path(null, "host")).isEqualTo(CallQuality.NetworkPath.UNKNOWN);
    }

    @Test
    void an_empty_report_gives_unknowns() {
        CallQuality quality = new QualityCalculator().next(1, List.of());
        assertThat(quality.roundTripMs()).isNaN();
        assertThat(quality.incomingWidth()).isEqualTo(-1);
        assertThat(quality.path()).isEqualTo(CallQuality.NetworkPath.UNKNOWN);
        assertThat(quality.grade()).isEqualTo(CallQuality.Grade.UNKNOWN);
    }
}
