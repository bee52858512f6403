package app.duet.protocol;

import app.duet.protocol.Field.Format;
import app.duet.protocol.Field.MaxLength;
import app.duet.protocol.Field.Optional;
import app.duet.protocol.Request.EmailVerification;

/**
 * Verifying a new account's e-mail address, on servers that ask for it ({@link Result.Hello#emailVerification}):
 * signup and login answer {@link ErrorCode#EMAIL_UNVERIFIED} until the code mailed to the address is entered.
 * Both requests need no session (docs/protocol.md).
 */
public final class EmailVerificationRequests {
    private EmailVerificationRequests() {
    }

    /** The code from the mail; signs in as login does. Result: {@link Result.Auth}. */
    public record EmailVerify(
            @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @Format(FieldFormat.USERNAME) String username,
            @MaxLength(64) String code) implements EmailVerification {
        @Override
        public String toString() {
            return "EmailVerify[id=" + id + ", username=" + username + ", code=<hidden>]";
        }
    }

    /**
     * Mails a new code (the old one stops working), to {@code email} instead if given: a mistyped address is
     * corrected here. Needs the account's password. Result: {@link Result.Empty}.
     */
    public record EmailVerifyResend(
            @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @Format(FieldFormat.USERNAME) String username,
            @MaxLength(Protocol.MAX_PASSWORD_LENGTH) String password,
            @Optional @Format(FieldFormat.EMAIL) @MaxLength(Protocol.MAX_EMAIL_LENGTH) String email)
            implements EmailVerification {
        /** To the address the account has. */
        public EmailVerifyResend(String id, String username, String password) {
            this(id, username, password, null);
        }

        @Override
        public String toString() {
            return "EmailVerifyResend[id=" + id + ", username=" + username + ", password=<hidden>"
                    + (email == null ? "" : ", email=<hidden>") + "]";
        }
    }
}
