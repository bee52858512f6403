package app.duet.client.ui.common;

import app.duet.protocol.FieldFormat;
import app.duet.protocol.Protocol;
import java.util.Optional;

/** The checks the sign-up and account screens make before asking the server, so most mistakes need no round trip. */
public final class AccountChecks {
    private AccountChecks() {
    }

    public static Optional<UserMessage> displayName(String name) {
        if (!FieldFormat.DISPLAY_NAME.matches(name) || name.codePointCount(0, name.length()) > Protocol.MAX_DISPLAY_NAME_LENGTH) {
            return Optional.of(UserMessage.error("That display name can't be used.",
                    "Use up to " + Protocol.MAX_DISPLAY_NAME_LENGTH + " visible characters."));
        }
        return Optional.empty();
    }

    public static Optional<UserMessage> newPassword(String password, String again) {
        if (password.length() < Protocol.MIN_PASSWORD_LENGTH) {
            return Optional.of(UserMessage.error("That password is too short.",
                    "Use at least " + Protocol.MIN_PASSWORD_LENGTH + " characters; a few words make a good one."));
        }
        if (!password.equals(again)) {
            return Optional.of(UserMessage.error("The two passwords differ.", "Type the same password twice."));
        }
        return Optional.empty();
    }
}
