package app.duet.client.ui.channels;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import app.duet.client.ui.common.DisplayNames;
import app.duet.protocol.HistoryEntry;
import app.duet.protocol.Media;

/** How a call in the history reads, from the signed-in user's side. */
final class HistoryTexts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.ENGLISH);

    private HistoryTexts() {
    }

    /** "Missed video call", "Outgoing audio call", "Declined video call", ... */
    static String outcome(HistoryEntry e) {
        String kind = (e.media() == Media.AUDIO ? "audio" : "video") + " call";
        if (Boolean.TRUE.equals(e.missed())) {
            return "Missed " + kind;
        }
        return switch (e.outcome()) {
            case ANSWERED -> (e.outgoing() ? "Outgoing " : "Incoming ") + kind;
            case DECLINED -> e.outgoing() ? "Declined " + kind + " (by " + peer(e) + ")" : "You declined a " + kind;
            case MISSED -> "Unanswered " + kind + " (" + peer(e) + " was offline)";
            case NO_ANSWER -> "Unanswered " + kind;
            case BUSY -> "Unanswered " + kind + " (" + peer(e) + " was busy)";
            case CANCELLED -> "Cancelled " + kind;
            case DISCONNECTED -> (e.answeredAt() != null ? "Dropped " : "Interrupted ") + kind;
        };
    }

    /** "3 Dec, 14:05" in the computer's time zone. */
    static String when(HistoryEntry e, ZoneId zone) {
        return WHEN.format(Instant.ofEpochMilli(e.startedAt()).atZone(zone));
    }

    /** "4:05" for an answered call, empty otherwise. */
    static String duration(HistoryEntry e) {
        if (e.answeredAt() == null) {
            return "";
        }
        Duration d = Duration.ofMillis(Math.max(0, e.endedAt() - e.answeredAt()));
        return d.toHours() > 0 ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    /** The whole line for a screen reader. */
    static String spoken(HistoryEntry e, ZoneId zone) {
        String duration = duration(e);
        return outcome(e) + (e.outgoing() ? " to " : " from ") + peer(e) + ", " + when(e, zone)
                + (duration.isEmpty() ? "" : ", lasted " + duration);
    }

    private static String peer(HistoryEntry e) {
        return DisplayNames.shown(e.peer().displayName());
    }
}
