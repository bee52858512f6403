package app.duet.client.signaling;

import java.util.concurrent.CompletableFuture;

import app.duet.protocol.Result;

/**
 * Finishing a sign-up on a server that verifies e-mail addresses: signup and login fail with
 * {@code EMAIL_UNVERIFIED} until the code mailed to the account's address is entered here. Futures fail with a
 * {@link SignalingException}.
 */
public interface EmailVerificationService {
    /** Whether the server's latest hello said new accounts verify their address. */
    boolean verifiesEmail();

    /** Signs in with the mailed code, as login does. */
    CompletableFuture<Result.Auth> verify(String username, String code, boolean remember);

    /** Mails a new code, to {@code newEmail} instead when not null (a mistyped address corrected). */
    CompletableFuture<Result.Empty> resend(String username, String password, String newEmail);
}
