package app.duet.client.ui.fakes;

import java.util.concurrent.CompletableFuture;

import app.duet.client.signaling.AccountService;
import app.duet.protocol.RegistrationMode;
import app.duet.protocol.Result;
import app.duet.protocol.SessionInfo;
import app.duet.protocol.UserInfo;

/** An {@link AccountService} that records each request and answers when the test says so. */
public final class FakeAccounts implements AccountService {
    public final SentRequests sent = new SentRequests();
    /** What the server's hello said about sign-ups; tests set it before making the view model. */
    public RegistrationMode registration = RegistrationMode.OPEN;

    public static Result.Auth auth(String username, String displayName) {
        return new Result.Auth(new SessionInfo("token-" + username, null), new UserInfo(username, displayName), null);
    }

    @Override
    public CompletableFuture<Result.Auth> signup(String username, String displayName, String email, String password,
                                                 String invite, boolean remember) {
        return invite == null ? sent.record("signup", username, displayName, email, password, remember)
                : sent.record("signup", username, displayName, email, password, invite, remember);
    }

    @Override
    public RegistrationMode registration() {
        return registration;
    }

    @Override
    public CompletableFuture<Result.Auth> login(String username, String password, boolean remember) {
        return sent.record("login", username, password, remember);
    }

    @Override
    public CompletableFuture<Void> logout() {
        return sent.record("logout");
    }

    @Override
    public CompletableFuture<Void> logoutEverywhere() {
        return sent.record("logoutEverywhere");
    }

    @Override
    public CompletableFuture<Result.Empty> requestPasswordReset(String usernameOrEmail) {
        return sent.record("requestPasswordReset", usernameOrEmail);
    }

    @Override
    public CompletableFuture<Result.Empty> confirmPasswordReset(String username, String code, String newPassword) {
        return sent.record("confirmPasswordReset", username, code, newPassword);
    }
}
