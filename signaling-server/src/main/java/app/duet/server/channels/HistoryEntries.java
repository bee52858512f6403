package app.duet.server.channels;

import app.duet.protocol.CallOutcome;
import app.duet.protocol.HistoryEntry;
import app.duet.protocol.Media;
import app.duet.protocol.UserInfo;
import app.duet.server.store.CallHistory.Row;
import app.duet.server.store.Channels.Member;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Stored calls as one member sees them on the wire, and the wire names the store keeps. */
final class HistoryEntries {
    private HistoryEntries() {
    }

    static List<HistoryEntry> of(List<Row> rows, String me) {
        return rows.stream().map(r -> of(r, me)).toList();
    }

    static HistoryEntry of(Row row, String me) {
        boolean outgoing = row.caller().username().equals(me);
        Member peer = outgoing ? row.callee() : row.caller();
        boolean missed = !outgoing && row.call().missed();
        return new HistoryEntry(row.call().callId(), row.call().channel(),
                new UserInfo(peer.username(), peer.displayName()), outgoing,
                Media.valueOf(row.call().media().toUpperCase(Locale.ROOT)),
                CallOutcome.valueOf(row.call().outcome().toUpperCase(Locale.ROOT)),
                row.call().startedAt().toEpochMilli(), millis(row.call().answeredAt()),
                row.call().endedAt().toEpochMilli(), missed, missed && !row.seen());
    }

    /** The wire name of an enum constant ("no_answer"), as the store keeps it. */
    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }
}
