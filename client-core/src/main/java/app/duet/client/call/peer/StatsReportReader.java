package app.duet.client.call.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.duet.client.call.stats.StatsEntry;
import app.duet.client.call.stats.StatsReport;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;

/** Copies a native stats report into a {@link StatsReport} whose types are named as in the W3C spec. */
final class StatsReportReader {

    private StatsReportReader() {
    }

    static StatsReport read(RTCStatsReport report) {
        List<StatsEntry> entries = new ArrayList<>();
        for (RTCStats stats : report.getStats().values()) {
            String type = stats.getType().name().toLowerCase(Locale.ROOT).replace('_', '-');
            entries.add(new StatsEntry(type, stats.getId(), stats.getAttributes()));
        }
        return new StatsReport(report.getTimestamp(), entries);
    }
}
