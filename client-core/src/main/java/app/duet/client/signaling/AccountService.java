package app.duet.client.signaling;

import java.util.concurrent.CompletableFuture;

import app.duet.protocol.Result;

/**
 * The account requests the account screens send: create an account, log in and out, reset a forgotten
 * password. Futures fail with a {@link SignalingException}; {@link SignalingClient} says on which thread
 * they complete.
 */
public interface AccountService {

    CompletableFuture<Result.Auth> signup(String username, String displayName, String email, String password,
                                          boolean remember);

    CompletableFuture<Result.Auth> login(String username, String password, boolean remember);

    /** Ends the session on the server and forgets it here, even if the server cannot be told. */
    CompletableFuture<Void> logout();

    /** Ends every session of the account. This one ends either way; a failure means the others may not have. */
    CompletableFuture<Void> logoutEverywhere();

    /** Asks for a reset code by e-mail; succeeds whether or not an account matches. */
    CompletableFuture<Result.Empty> requestPasswordReset(String usernameOrEmail);

    CompletableFuture<Result.Empty> confirmPasswordReset(String username, String code, String newPassword);
}
