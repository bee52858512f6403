package app.duet.client.ui.fakes;

import app.duet.client.signaling.ProfileService;
import app.duet.protocol.AccountData;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;
import java.util.concurrent.CompletableFuture;

/** A {@link ProfileService} that records each request and answers when the test says so. */
public final class FakeProfile implements ProfileService {
    public final SentRequests sent = new SentRequests();

    @Override
    public CompletableFuture<Result.Empty> changePassword(String currentPassword, String newPassword) {
        return sent.record("changePassword", currentPassword, newPassword);
    }

    @Override
    public CompletableFuture<UserInfo> changeDisplayName(String displayName) {
        return sent.record("changeDisplayName", displayName);
    }

    @Override
    public CompletableFuture<Void> deleteAccount(String password) {
        return sent.record("deleteAccount", password);
    }

    @Override
    public CompletableFuture<AccountData> exportAccount() {
        return sent.record("exportAccount");
    }
}
