package app.duet.client.signaling;

import app.duet.protocol.AccountData;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;
import java.util.concurrent.CompletableFuture;

/** {@link ProfileService} on the app's {@link SignalingClient}. */
public final class ProfileClient implements ProfileService {
    private final SignalingClient client;

    public ProfileClient(SignalingClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<Result.Empty> changePassword(String currentPassword, String newPassword) {
        return client.request(id -> new Request.ChangePassword(id, currentPassword, newPassword), Result.Empty.class);
    }

    @Override
    public CompletableFuture<UserInfo> changeDisplayName(String displayName) {
        return client.request(id -> new Request.ChangeDisplayName(id, displayName), Result.User.class)
                .thenApply(Result.User::user);
    }

    @Override
    public CompletableFuture<Void> deleteAccount(String password) {
        return client.request(id -> new Request.AccountDelete(id, password), Result.Empty.class)
                .thenAccept(ok -> client.session().forget(SignalingListener.SignOutReason.ACCOUNT_DELETED));
    }

    @Override
    public CompletableFuture<AccountData> exportAccount() {
        return client.request(Request.AccountExport::new, Result.AccountExport.class)
                .thenApply(Result.AccountExport::export);
    }
}
