package app.duet.client.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.RemoteMediaState;

class CallTextsTest {

    private static CallQuality quality(double rttMs, double lossPercent, CallQuality.NetworkPath path) {
        return new CallQuality(0, rttMs, lossPercent, 0, 800, 900, 640, 480, 30, 640, 480, 30, path, "host", "relay", null,
                "none", 2500);
    }

    @Test
    void statusSaysConnectingConnectedRelayedOrReconnecting() {
        assertThat(CallTexts.status(CallState.NEGOTIATING, null)).isEqualTo("Connecting…");
        assertThat(CallTexts.status(CallState.CONNECTED, quality(20, 0, CallQuality.NetworkPath.DIRECT)))
                .isEqualTo("Connected");
        assertThat(CallTexts.status(CallState.CONNECTED, quality(20, 0, CallQuality.NetworkPath.RELAY)))
                .isEqualTo("Connected · relayed");
        assertThat(CallTexts.status(CallState.RECONNECTING, null)).isEqualTo("Reconnecting…");
    }

    @Test
    void gradeAndDetailsDescribeTheMeasurements() {
        assertThat(CallTexts.grade(null)).isEqualTo("Quality: measuring");
        assertThat(CallTexts.grade(quality(20, 0, CallQuality.NetworkPath.DIRECT))).isEqualTo("Quality: good");
        assertThat(CallTexts.grade(quality(600, 0, CallQuality.NetworkPath.DIRECT))).isEqualTo("Quality: poor");
        assertThat(CallTexts.details(quality(20, Double.NaN, CallQuality.NetworkPath.RELAY)))
                .contains("Round trip: 20 ms", "Packets lost (in / out): – / 0 %", "640×480 at 30 fps",
                        "through a relay (TURN)");
    }

    @Test
    void aRoundTripNotYetMeasuredSaysSoAndOneUnderAMillisecondIsNotZero() {
        assertThat(CallTexts.details(quality(Double.NaN, 0, CallQuality.NetworkPath.DIRECT)))
                .contains("Round trip: measuring…");
        assertThat(CallTexts.roundTrip(0)).isEqualTo("< 1 ms"); // libwebrtc reports whole ms: 0 on one machine
        assertThat(CallTexts.roundTrip(0.4)).isEqualTo("< 1 ms");
        assertThat(CallTexts.roundTrip(1)).isEqualTo("1 ms");
        assertThat(CallTexts.roundTrip(42.4)).isEqualTo("42 ms");
    }

    @Test
    void theVideoLimitIsSaidInWordsAndABandwidthLimitAsTheRampUpItOftenIs() {
        assertThat(CallTexts.details(quality(20, 0, CallQuality.NetworkPath.DIRECT)))
                .contains("Video limited by: nothing");
        assertThat(CallTexts.limitation("bandwidth", 640)).isEqualTo(
                "connection speed (640 kbit/s so far; it rises in the first seconds of a call if the network allows)");
        assertThat(CallTexts.limitation("bandwidth", -1))
                .isEqualTo("connection speed (it rises in the first seconds of a call if the network allows)");
        assertThat(CallTexts.limitation("cpu", 2500)).startsWith("this computer's processor");
        assertThat(CallTexts.limitation("other", 2500)).isEqualTo("other");
        assertThat(CallTexts.limitation(null, -1)).isEqualTo("— (no video sent)");
    }

    @Test
    void elapsedTimeIsMinutesThenHours() {
        assertThat(CallTexts.elapsed(Duration.ofSeconds(5))).isEqualTo("0:05");
        assertThat(CallTexts.elapsed(Duration.ofSeconds(754))).isEqualTo("12:34");
        assertThat(CallTexts.elapsed(Duration.ofSeconds(3_725))).isEqualTo("1:02:05");
    }

    @Test
    void remoteStateNamesWhatThePeerTurnedOff() {
        assertThat(CallTexts.remote("Bob", RemoteMediaState.INITIAL)).isEmpty();
        assertThat(CallTexts.remote("Bob", new RemoteMediaState(false, false, false)))
                .isEqualTo("Bob muted their microphone · Bob's camera is off");
        assertThat(CallTexts.remote("Bob", new RemoteMediaState(true, false, true)))
                .isEqualTo("Bob is sharing their screen");
    }
}
