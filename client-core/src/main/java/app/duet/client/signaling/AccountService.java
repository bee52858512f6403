package app.duet.client.signaling;

import java.util.concurrent.CompletableFuture;

import app.duet.protocol.RegistrationMode;
import app.duet.protocol.Result;

/**
 * The account requests the account screens send: create an account, log in and out, reset a forgotten
 * password. Futures fail with a {@link SignalingException}; {@link SignalingClient} says on which thread
 * they complete.
 */
public interface AccountService {

    /** @param invite the registration invite a server in invite mode needs; null for none */
    CompletableFuture<Result.Auth> signup(String username, String displayName, String email, String password,
                                          String invite, boolean remember);

    /** Signs up without an invite (servers with open registration). */
    default CompletableFuture<Result.Auth> signup(String username, String displayName, String email, String password,
                                                  boolean remember) {
        return signup(username, displayName, email, password, null, remember);
    }

    /** Who may sign up on the server, as its latest hello said (open before the first). */
    RegistrationMode registration();

    CompletableFuture<Result.Auth> login(String username, String password, boolean remember);

    /** Ends the session on the server and forgets it here, even if the server cannot be told. */
    CompletableFuture<Void> logout();

    /** Ends every session of the account. This one ends either way; a failure means the others may not have. */
    CompletableFuture<Void> logoutEverywhere();

    /** Asks for a reset code by e-mail; succeeds whether or not an account matches. */
    CompletableFuture<Result.Empty> requestPasswordReset(String usernameOrEmail);

    CompletableFuture<Result.Empty> confirmPasswordReset(String username, String code, String newPassword);
}
