package app.duet.client.signaling;

import java.util.concurrent.CompletableFuture;

import app.duet.protocol.Result;

/**
 * Who gets into the user's private channels: invites, join requests, removing the other member, locking.
 * Events (someone asks to join, the answer, being removed) arrive through {@link SignalingEventSource}.
 * Futures fail with a {@link SignalingException}.
 */
public interface ChannelAccessService {
    /** {@code maxUses} and {@code expiresInSeconds} may be null for the server's defaults (1 use, 7 days). */
    CompletableFuture<Result.InviteCreated> createInvite(String channel, Integer maxUses, Long expiresInSeconds);

    CompletableFuture<Result.Invites> invites(String channel);

    CompletableFuture<Result.Empty> revokeInvite(String channel, String inviteId);

    CompletableFuture<Result.Empty> removeMember(String channel, String username);

    CompletableFuture<Result.Empty> lock(String channel, boolean locked);

    /** Asks the owner of a channel to let you in without an invite. */
    CompletableFuture<Result.Empty> requestJoin(String channel);

    CompletableFuture<Result.JoinRequests> joinRequests(String channel);

    CompletableFuture<Result.Empty> answerJoin(String channel, String username, boolean approve);
}
