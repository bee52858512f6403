package app.duet.client.signaling;

import java.util.concurrent.CompletableFuture;

import app.duet.protocol.EmailVerificationRequests;
import app.duet.protocol.Result;

/** {@link EmailVerificationService} on the app's {@link SignalingClient}. */
public final class EmailVerificationClient implements EmailVerificationService {
    private final SignalingClient client;

    public EmailVerificationClient(SignalingClient client) {
        this.client = client;
    }

    @Override
    public boolean verifiesEmail() {
        return client.session().verifiesEmail();
    }

    @Override
    public CompletableFuture<Result.Auth> verify(String username, String code, boolean remember) {
        return client.request(id -> new EmailVerificationRequests.EmailVerify(id, username, code), Result.Auth.class)
                .thenApply(auth -> client.session().adopt(auth, remember, false));
    }

    @Override
    public CompletableFuture<Result.Empty> resend(String username, String password, String newEmail) {
        return client.request(id -> new EmailVerificationRequests.EmailVerifyResend(id, username, password, newEmail),
                Result.Empty.class);
    }
}
