package app.duet.protocol;

import app.duet.protocol.Field.Format;
import app.duet.protocol.Field.MaxLength;
import java.util.List;

/**
 * What the server keeps about one user, as {@code account_export} returns it: only the user's own data.
 * Channels and calls name no other person (no usernames, display names or e-mail addresses of others);
 * sessions carry no token or hash. Times are milliseconds since the Unix epoch. {@code calls} holds the
 * newest {@link Protocol#MAX_EXPORT_CALLS} calls the user has not cleared, {@code moreCalls} says older ones
 * exist; {@code sessions} the newest {@link Protocol#MAX_EXPORT_SESSIONS}.
 */
public record AccountData(Long exportedAt, Profile profile, List<Channel> channels, List<Session> sessions,
                          List<Call> calls, Boolean moreCalls) {
    public AccountData {
        channels = channels == null ? null : List.copyOf(channels);
        sessions = sessions == null ? null : List.copyOf(sessions);
        calls = calls == null ? null : List.copyOf(calls);
    }

    public record Profile(
            @Format(FieldFormat.USERNAME) String username,
            @Format(FieldFormat.DISPLAY_NAME) @MaxLength(Protocol.MAX_DISPLAY_NAME_LENGTH) String displayName,
            @MaxLength(Protocol.MAX_EMAIL_LENGTH) String email,
            Long createdAt) {
    }

    /** A channel the user is a member of; {@code owned}: they own it. */
    public record Channel(@Format(FieldFormat.CHANNEL_NAME) String name, Boolean owned) {
    }

    /** A signed-in session; {@code current}: the one that asked for the export. */
    public record Session(Long createdAt, Long expiresAt, Boolean current) {
    }

    /** One call from the user's side; {@code outgoing}: they rang. {@code answeredAt} absent if never answered. */
    public record Call(String callId, @Format(FieldFormat.CHANNEL_NAME) String channel, Boolean outgoing, Media media,
                       CallOutcome outcome, Long startedAt, @Field.Optional Long answeredAt, Long endedAt,
                       Boolean missed) {
    }
}
