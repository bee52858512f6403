package app.duet.protocol;

import app.duet.protocol.Field.Format;
import app.duet.protocol.Field.MaxLength;

/** A channel invite as its owner sees it (never with its token). Times are milliseconds since the epoch. */
public record InviteInfo(
        @MaxLength(64) String id,
        @Format(FieldFormat.CHANNEL_NAME) String channel,
        Integer maxUses,
        Integer uses,
        Long createdAt,
        Long expiresAt) {
}
