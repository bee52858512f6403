package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafetyCodeTest {

    private static final String FP_A = "1A:2B:3C:4D:5E:6F:70:81:92:A3:B4:C5:D6:E7:F8:09:1A:2B:3C:4D:5E:6F:70:81:92:A3:B4:C5:D6:E7:F8:09";
    private static final String FP_B = "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99";
    private static final String FP_EVE = "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:98";

    private static String sdp(String fingerprint) {
        return "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n"
                + "a=fingerprint:sha-256 " + fingerprint + "\r\na=setup:actpass\r\n";
    }

    @Test
    void both_sides_derive_the_same_code() {
        String alice = SafetyCode.fromSdp(sdp(FP_A), sdp(FP_B)).orElseThrow();
        String bob = SafetyCode.fromSdp(sdp(FP_B), sdp(FP_A)).orElseThrow();
        assertThat(alice).matches("\\d{3} \\d{3}").isEqualTo(bob);
    }

    @Test
    void a_substituted_fingerprint_changes_the_code() {
        String real = SafetyCode.fromSdp(sdp(FP_A), sdp(FP_B)).orElseThrow();
        String intercepted = SafetyCode.fromSdp(sdp(FP_A), sdp(FP_EVE)).orElseThrow();
        assertThat(intercepted).isNotEqualTo(real);
    }

    @Test
    void fingerprint_case_does_not_matter_but_missing_fingerprints_give_no_code() {
        assertThat(SafetyCode.fromSdp(sdp(FP_A.toLowerCase()), sdp(FP_B)))
                .isEqualTo(SafetyCode.fromSdp(sdp(FP_A), sdp(FP_B)));
        assertThat(SafetyCode.fromSdp(sdp(FP_A), "v=0\r\n")).isEmpty();
        assertThat(SafetyCode.fromSdp(null, sdp(FP_B))).isEmpty();
    }
}
