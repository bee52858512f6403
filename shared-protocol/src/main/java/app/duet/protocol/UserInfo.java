package app.duet.protocol;

import app.duet.protocol.Field.Format;
import app.duet.protocol.Field.MaxLength;

/** A user as others see them. */
public record UserInfo(
        @Format(FieldFormat.USERNAME) String username,
        @Format(FieldFormat.DISPLAY_NAME) @MaxLength(Protocol.MAX_DISPLAY_NAME_LENGTH) String displayName) {
}
