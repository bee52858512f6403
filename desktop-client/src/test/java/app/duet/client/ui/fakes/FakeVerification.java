package app.duet.client.ui.fakes;

import java.util.concurrent.CompletableFuture;

import app.duet.client.signaling.EmailVerificationService;
import app.duet.protocol.Result;

/** An {@link EmailVerificationService} that records each request and answers when the test says so. */
public final class FakeVerification implements EmailVerificationService {
    public final SentRequests sent = new SentRequests();

    @Override
    public boolean verifiesEmail() {
        return true;
    }

    @Override
    public CompletableFuture<Result.Auth> verify(String username, String code, boolean remember) {
        return sent.record("verify", username, code, remember);
    }

    @Override
    public CompletableFuture<Result.Empty> resend(String username, String password, String newEmail) {
        return newEmail == null ? sent.record("resend", username, password) : sent.record("resend", username, password, newEmail);
    }
}
