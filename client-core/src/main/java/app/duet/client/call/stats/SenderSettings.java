package app.duet.client.call.stats;

/** Limits applied to the outgoing video encoding. */
public record SenderSettings(double scaleResolutionDownBy, double maxFramerate, int maxBitrateBps) {
}
