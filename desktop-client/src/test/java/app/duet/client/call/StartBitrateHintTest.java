package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start bitrate goes to every video codec of the SDP we send, and nowhere else. */
class StartBitrateHintTest {

    private static final String SDP = String.join("\r\n",
            "v=0",
            "o=- 1 2 IN IP4 127.0.0.1",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111",
            "a=rtpmap:111 opus/48000/2",
            "a=fmtp:111 minptime=10;useinbandfec=1",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99",
            "a=rtpmap:96 VP8/90000",
            "a=rtcp-fb:96 nack",
            "a=rtpmap:97 rtx/90000",
            "a=fmtp:97 apt=96",
            "a=rtpmap:98 VP9/90000",
            "a=fmtp:98 profile-id=0",
            "a=rtpmap:99 H264/90000",
            "a=fmtp:99 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "a=sctp-port:5000",
            "");

    @Test
    void everyVideoCodecGetsTheStartBitrateAndNothingElseChanges() {
        String kbps = "x-google-start-bitrate=" + StartBitrateHint.START_KBPS;
        String hinted = StartBitrateHint.apply(SDP);

        assertThat(hinted).isEqualTo(SDP
                .replace("a=rtpmap:96 VP8/90000\r\n", "a=rtpmap:96 VP8/90000\r\na=fmtp:96 " + kbps + "\r\n")
                .replace("a=fmtp:98 profile-id=0", "a=fmtp:98 profile-id=0;" + kbps)
                .replace("profile-level-id=42e01f", "profile-level-id=42e01f;" + kbps));
    }

    @Test
    void applyingItTwiceChangesNothingMore() {
        String once = StartBitrateHint.apply(SDP);
        assertThat(StartBitrateHint.apply(once)).isEqualTo(once);
    }

    @Test
    void aMalformedRtpmapLineIsLeftAloneAndTheRestStillHinted() {
        String odd = SDP.replace("a=rtpmap:98 VP9/90000", "a=rtpmap:98");
        assertThat(StartBitrateHint.apply(odd))
                .contains("a=rtpmap:98\r\na=fmtp:98 profile-id=0\r\n")
                .contains("a=fmtp:96 x-google-start-bitrate=" + StartBitrateHint.START_KBPS);
    }

    @Test
    void anSdpWithoutVideoIsLeftAlone() {
        String audioOnly = SDP.substring(0, SDP.indexOf("m=video"));
        assertThat(StartBitrateHint.apply(audioOnly)).isEqualTo(audioOnly);
    }
}
