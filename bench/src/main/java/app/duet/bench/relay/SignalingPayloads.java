package app.duet.bench.relay;

/**
 * Realistic signaling bodies: an SDP of about 4 KB (an audio+video offer as Chrome/libwebrtc writes
 * it) and an ICE candidate of about 100 characters, each with a latency stamp (and sender) in it. The JSON
 * escaped forms are built once; only the stamp changes per message, and it needs no escaping.
 */
public final class SignalingPayloads {
    /** Target size of an offer/answer SDP in characters, before JSON escaping. */
    public static final int SDP_CHARS = 4000;

    private static final String SDP_HEAD = String.join("\r\n",
            "v=0",
            "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1",
            "a=extmap-allow-mixed",
            "a=msid-semantic: WMS duet",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
            "c=IN IP4 0.0.0.0",
            "a=rtcp:9 IN IP4 0.0.0.0",
            "a=ice-ufrag:sK2q",
            "a=ice-pwd:Jm0x3TiwZ7ZrIX4Pl2d5XK1l",
            "a=ice-options:trickle",
            "a=fingerprint:sha-256 8B:2F:11:9C:4D:6A:E0:57:33:AF:21:9D:0C:77:1B:EE:45:62:90:D3:"
                    + "38:A1:5C:0E:F4:7B:26:C9:83:1D:50:AA",
            "a=setup:actpass",
            "a=mid:0",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "a=sendrecv",
            "a=msid:duet audio0",
            "a=rtcp-mux",
            "a=rtpmap:111 opus/48000/2",
            "a=rtcp-fb:111 transport-cc",
            "a=fmtp:111 minptime=10;useinbandfec=1",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100 101 45 46",
            "c=IN IP4 0.0.0.0",
            "a=rtcp:9 IN IP4 0.0.0.0",
            "a=mid:1",
            "a=sendrecv",
            "a=msid:duet video0",
            "a=rtcp-mux",
            "a=rtcp-rsize",
            "a=rtpmap:96 VP8/90000",
            "a=rtcp-fb:96 goog-remb",
            "a=rtcp-fb:96 transport-cc",
            "a=rtcp-fb:96 ccm fir",
            "a=rtcp-fb:96 nack",
            "a=rtcp-fb:96 nack pli",
            "a=rtpmap:97 rtx/90000",
            "a=fmtp:97 apt=96",
            "");

    private static final String CANDIDATE_TEXT =
            "candidate:842163049 1 udp 1677729535 203.0.113.7 46154 typ srflx raddr 10.0.0.2 rport 46154 "
                    + "generation 0 ufrag sK2q ";

    private static final String SDP_BODY = padSdp();
    private static final String SDP_BODY_ESCAPED = escape(SDP_BODY);
    private static final String CANDIDATE_ESCAPED = escape(CANDIDATE_TEXT);

    private SignalingPayloads() {
    }

    /** A JSON-escaped SDP (without quotes) that ends with the stamp. */
    public static String sdpJson(String stamp) {
        return SDP_BODY_ESCAPED + "a=" + stamp + "\\r\\n";
    }

    /** A JSON-escaped candidate line (without quotes) that ends with the stamp. */
    public static String candidateJson(String stamp) {
        return CANDIDATE_ESCAPED + stamp;
    }

    /** The SDP itself, ending with the stamp, for a driver that encodes its requests with the codec. */
    public static String sdp(String stamp) {
        return SDP_BODY + "a=" + stamp + "\r\n";
    }

    /** The candidate line itself, ending with the stamp. */
    public static String candidate(String stamp) {
        return CANDIDATE_TEXT + stamp;
    }

    private static String padSdp() {
        StringBuilder sdp = new StringBuilder(SDP_HEAD);
        long ssrc = 1_954_116_431L;
        int stampLine = "a=".length() + LatencyStamp.format(0).length() + 2;
        while (sdp.length() + stampLine < SDP_CHARS) {
            String line = "a=ssrc:" + ssrc++ + " cname:Zb4hH1tOq2d0Rk8v\r\n";
            if (sdp.length() + line.length() + stampLine > SDP_CHARS) {
                sdp.append("a=x-pad:").append("p".repeat(Math.max(0, SDP_CHARS - sdp.length() - stampLine - 10)))
                        .append("\r\n");
                break;
            }
            sdp.append(line);
        }
        return sdp.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n");
    }
}
