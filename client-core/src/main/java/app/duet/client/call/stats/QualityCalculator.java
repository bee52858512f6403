package app.duet.client.call.stats;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallQuality.NetworkPath;

/**
 * Turns successive stats reports into {@link CallQuality} snapshots. Bitrates and loss come from counter
 * deltas between two reports, so the first report yields no bitrate. Pure logic, no native types.
 */
public final class QualityCalculator {

    private long previousMicros = -1;
    private double previousBytesIn;
    private double previousBytesOut;
    private double previousLost;
    private double previousReceived;

    public CallQuality next(long timestampMicros, List<StatsEntry> report) {
        Map<String, StatsEntry> byId = report.stream()
                .collect(Collectors.toMap(StatsEntry::id, Function.identity(), (a, b) -> a));
        StatsEntry pair = selectedPair(report, byId);

        double bytesIn = sum(report, "transport", "bytesReceived");
        double bytesOut = sum(report, "transport", "bytesSent");
        double lost = sumInbound(report, "packetsLost");
        double received = sumInbound(report, "packetsReceived");

        long kbpsIn = -1;
        long kbpsOut = -1;
        double lossPercent = Double.NaN;
        if (previousMicros >= 0 && timestampMicros > previousMicros) {
            double seconds = (timestampMicros - previousMicros) / 1e6;
            kbpsIn = Math.round(Math.max(0, bytesIn - previousBytesIn) * 8 / 1000 / seconds);
            kbpsOut = Math.round(Math.max(0, bytesOut - previousBytesOut) * 8 / 1000 / seconds);
            double lostDelta = Math.max(0, lost - previousLost);
            double receivedDelta = Math.max(0, received - previousReceived);
            if (lostDelta + receivedDelta > 0) {
                lossPercent = 100 * lostDelta / (lostDelta + receivedDelta);
            }
        }
        previousMicros = timestampMicros;
        previousBytesIn = bytesIn;
        previousBytesOut = bytesOut;
        previousLost = lost;
        previousReceived = received;

        StatsEntry inVideo = rtp(report, "inbound-rtp", "video");
        StatsEntry outVideo = rtp(report, "outbound-rtp", "video");
        String localType = candidateField(pair, "localCandidateId", "candidateType", byId);
        String remoteType = candidateField(pair, "remoteCandidateId", "candidateType", byId);

        return new CallQuality(timestampMicros / 1000, roundTripMs(report, pair), lossPercent,
                outgoingLoss(report), kbpsIn, kbpsOut,
                intOf(inVideo, "frameWidth"), intOf(inVideo, "frameHeight"), numberOf(inVideo, "framesPerSecond"),
                intOf(outVideo, "frameWidth"), intOf(outVideo, "frameHeight"), numberOf(outVideo, "framesPerSecond"),
                path(localType, remoteType), localType, remoteType,
                candidateField(pair, "localCandidateId", "relayProtocol", byId),
                outVideo == null ? null : outVideo.string("qualityLimitationReason"),
                pair == null || Double.isNaN(pair.number("availableOutgoingBitrate")) ? -1
                        : Math.round(pair.number("availableOutgoingBitrate") / 1000));
    }

    private static StatsEntry selectedPair(List<StatsEntry> report, Map<String, StatsEntry> byId) {
        for (StatsEntry transport : report) {
            if (transport.type().equals("transport") && transport.string("selectedCandidatePairId") != null) {
                StatsEntry pair = byId.get(transport.string("selectedCandidatePairId"));
                if (pair != null) {
                    return pair;
                }
            }
        }
        return report.stream()
                .filter(e -> e.type().equals("candidate-pair") && e.flag("nominated")
                        && "succeeded".equals(e.string("state")))
                .findFirst().orElse(null);
    }

    private static String candidateField(StatsEntry pair, String key, String field, Map<String, StatsEntry> byId) {
        if (pair == null || pair.string(key) == null) {
            return null;
        }
        StatsEntry candidate = byId.get(pair.string(key));
        return candidate == null ? null : candidate.string(field);
    }

    static NetworkPath path(String localType, String remoteType) {
        if (localType == null || remoteType == null) {
            return NetworkPath.UNKNOWN;
        }
        return localType.equals("relay") || remoteType.equals("relay") ? NetworkPath.RELAY : NetworkPath.DIRECT;
    }

    private static double roundTripMs(List<StatsEntry> report, StatsEntry pair) {
        if (pair != null && !Double.isNaN(pair.number("currentRoundTripTime"))) {
            return pair.number("currentRoundTripTime") * 1000;
        }
        return report.stream().filter(e -> e.type().equals("remote-inbound-rtp"))
                .mapToDouble(e -> e.number("roundTripTime")).filter(v -> !Double.isNaN(v))
                .map(v -> v * 1000).findFirst().orElse(Double.NaN);
    }

    private static double outgoingLoss(List<StatsEntry> report) {
        return report.stream().filter(e -> e.type().equals("remote-inbound-rtp"))
                .mapToDouble(e -> e.number("fractionLost")).filter(v -> !Double.isNaN(v))
                .map(v -> v * 100).max().orElse(Double.NaN);
    }

    private static StatsEntry rtp(List<StatsEntry> report, String type, String kind) {
        return report.stream().filter(e -> e.type().equals(type) && kind.equals(e.string("kind")))
                .findFirst().orElse(null);
    }

    private static double sum(List<StatsEntry> report, String type, String key) {
        return report.stream().filter(e -> e.type().equals(type)).mapToDouble(e -> e.number(key))
                .filter(v -> !Double.isNaN(v)).sum();
    }

    private static double sumInbound(List<StatsEntry> report, String key) {
        return sum(report, "inbound-rtp", key);
    }

    private static int intOf(StatsEntry entry, String key) {
        double value = numberOf(entry, key);
        return Double.isNaN(value) ? -1 : (int) value;
    }

    private static double numberOf(StatsEntry entry, String key) {
        return entry == null ? Double.NaN : entry.number(key);
    }
}
