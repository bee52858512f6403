package app.duet.client.signaling;

import app.duet.protocol.AccountData;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;
import java.util.concurrent.CompletableFuture;

/**
 * What the signed-in user does to their own account: the account screen's requests. Futures fail with a
 * {@link SignalingException}; {@link SignalingClient} says on which thread they complete.
 */
public interface ProfileService {

    /** Needs the current password; the account's other sessions end. */
    CompletableFuture<Result.Empty> changePassword(String currentPassword, String newPassword);

    /** @return the user as others now see them */
    CompletableFuture<UserInfo> changeDisplayName(String displayName);

    /** Deletes the account for good, confirmed with its password; this device is signed out once it is done. */
    CompletableFuture<Void> deleteAccount(String password);

    /** Everything the server keeps about the user. */
    CompletableFuture<AccountData> exportAccount();
}
