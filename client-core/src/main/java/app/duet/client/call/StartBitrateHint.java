package app.duet.client.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Adds {@code x-google-start-bitrate} to the video codecs of an SDP we send, so the far side's encoder starts
 * at that rate instead of libwebrtc's 300 kbps. At 300 kbps libwebrtc finds 640x480 and larger "too large for
 * the target bitrate" and drops each encoder's first 4 frames waiting for a smaller size that our pushed sources
 * never give: ~130 ms more before the first picture (docs/benchmarks.md, session 7). From 500 kbps of video no
 * size is dropped; the bandwidth estimator adapts the rate from there as usual.
 */
final class StartBitrateHint {

    static final int START_KBPS = 800;
    private static final Set<String> VIDEO_CODECS = Set.of("VP8", "VP9", "H264", "AV1");
    private static final String PARAMETER = "x-google-start-bitrate=";

    private StartBitrateHint() {
    }

    static String apply(String sdp) {
        String newline = sdp.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(sdp.split("\r?\n", -1)));
        boolean video = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("m=")) {
                video = line.startsWith("m=video");
            } else if (video && line.startsWith("a=rtpmap:") && line.indexOf(' ') > 0) {
                int space = line.indexOf(' ');
                String payloadType = line.substring("a=rtpmap:".length(), space).trim();
                String codec = line.substring(space + 1).split("/")[0].toUpperCase(Locale.ROOT);
                if (VIDEO_CODECS.contains(codec)) {
                    addTo(lines, i, payloadType);
                }
            }
        }
        return String.join(newline, lines);
    }

    /** Appends the parameter to the codec's fmtp line, or adds one after its rtpmap line (at {@code rtpmap}). */
    private static void addTo(List<String> lines, int rtpmap, String payloadType) {
        String fmtp = "a=fmtp:" + payloadType + " ";
        for (int j = rtpmap + 1; j < lines.size() && !lines.get(j).startsWith("m="); j++) {
            String line = lines.get(j);
            if (line.startsWith(fmtp)) {
                if (!line.contains(PARAMETER)) {
                    lines.set(j, line + ";" + PARAMETER + START_KBPS);
                }
                return;
            }
        }
        lines.add(rtpmap + 1, fmtp + PARAMETER + START_KBPS);
    }
}
