package app.duet.protocol;

import app.duet.protocol.Field.Format;

/**
 * One call in the signed-in user's history, seen from their side. Times are milliseconds since the Unix
 * epoch; {@code answeredAt} is absent for a call that was never answered. {@code outgoing}: you rang.
 * {@code missed}: a call to you that you neither answered nor declined; {@code unseen}: missed and not yet
 * marked seen (history_seen) on any of your devices.
 */
public record HistoryEntry(
        String callId,
        @Format(FieldFormat.CHANNEL_NAME) String channel,
        UserInfo peer,
        Boolean outgoing,
        Media media,
        CallOutcome outcome,
        Long startedAt,
        @Field.Optional Long answeredAt,
        Long endedAt,
        Boolean missed,
        Boolean unseen) {
}
