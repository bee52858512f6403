package app.duet.client.call.stats;

import java.util.List;

/** The audio readings the call takes from a {@link StatsReport}'s entries, besides its quality. */
public final class AudioStats {

    private AudioStats() {
    }

    /** Packets the audio sender has sent so far (0 before the first, or without an audio sender). */
    public static long audioPacketsSent(List<StatsEntry> entries) {
        return entries.stream()
                .filter(e -> e.type().equals("outbound-rtp") && "audio".equals(e.string("kind")))
                .mapToDouble(e -> e.number("packetsSent"))
                .filter(sent -> !Double.isNaN(sent))
                .mapToLong(sent -> (long) sent)
                .max().orElse(0);
    }

    /** The level (0..1) of the far side's decoded audio, as libwebrtc mixes it for playout; 0 when none. */
    public static double inboundAudioLevel(List<StatsEntry> entries) {
        return entries.stream()
                .filter(e -> e.type().equals("inbound-rtp") && "audio".equals(e.string("kind")))
                .mapToDouble(e -> e.number("audioLevel"))
                .filter(level -> !Double.isNaN(level))
                .max().orElse(0);
    }
}
