package app.duet.protocol;

import app.duet.protocol.Field.Format;
import app.duet.protocol.Field.MaxLength;

/** A channel member and whether they have a connection open now. */
public record MemberInfo(
        @Format(FieldFormat.USERNAME) String username,
        @Format(FieldFormat.DISPLAY_NAME) @MaxLength(Protocol.MAX_DISPLAY_NAME_LENGTH) String displayName,
        Boolean online) {
}
