package app.duet.client.call.stats;

import java.util.List;

/**
 * One stats report of a peer connection, copied out of libwebrtc.
 *
 * @param timestampMicros when libwebrtc took it
 * @param entries         its entries, named as in the W3C spec ("inbound-rtp")
 */
public record StatsReport(long timestampMicros, List<StatsEntry> entries) {

    public StatsReport {
        entries = List.copyOf(entries);
    }
}
