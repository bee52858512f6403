package app.duet.client.call.model;

/**
 * One snapshot of call quality, published about once a second. Unknown numbers are NaN (doubles) or -1.
 *
 * @param roundTripMs           network round trip between the peers
 * @param incomingLossPercent   share of incoming packets lost since the previous snapshot
 * @param outgoingLossPercent   share of our packets the far side reports lost
 * @param localRelayProtocol    how this side reaches its TURN server when it relays: "udp", "tcp" or "tls"
 *                              (null when it does not relay)
 * @param qualityLimitation     why the encoder holds back: "none", "bandwidth", "cpu" or "other"
 */
public record CallQuality(long timestampMillis, double roundTripMs, double incomingLossPercent,
                          double outgoingLossPercent, long bitrateInKbps, long bitrateOutKbps,
                          int incomingWidth, int incomingHeight, double incomingFps,
                          int outgoingWidth, int outgoingHeight, double outgoingFps,
                          NetworkPath path, String localCandidateType, String remoteCandidateType,
                          String localRelayProtocol, String qualityLimitation, long availableOutgoingKbps) {

    /** How media travels between the two peers. */
    public enum NetworkPath { DIRECT, RELAY, UNKNOWN }

    /** A rough grade for a status badge. */
    public enum Grade { GOOD, FAIR, POOR, UNKNOWN }

    public Grade grade() {
        if (Double.isNaN(roundTripMs) && Double.isNaN(incomingLossPercent)) {
            return Grade.UNKNOWN;
        }
        double loss = Double.isNaN(incomingLossPercent) ? 0 : incomingLossPercent;
        double rtt = Double.isNaN(roundTripMs) ? 0 : roundTripMs;
        if (loss > 8 || rtt > 500) {
            return Grade.POOR;
        }
        if (loss > 2 || rtt > 250) {
            return Grade.FAIR;
        }
        return Grade.GOOD;
    }
}
