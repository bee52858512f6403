package app.duet.client.signaling;

import java.util.concurrent.CompletableFuture;

import app.duet.protocol.ChannelAccessRequests;
import app.duet.protocol.Result;

/** {@link ChannelAccessService} on the app's {@link SignalingClient}. */
public final class ChannelAccessClient implements ChannelAccessService {
    private final SignalingClient client;

    public ChannelAccessClient(SignalingClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<Result.InviteCreated> createInvite(String channel, Integer maxUses, Long expiresInSeconds) {
        return client.request(id -> new ChannelAccessRequests.ChannelInviteCreate(id, channel, maxUses, expiresInSeconds),
                Result.InviteCreated.class);
    }

    @Override
    public CompletableFuture<Result.Invites> invites(String channel) {
        return client.request(id -> new ChannelAccessRequests.ChannelInvites(id, channel), Result.Invites.class);
    }

    @Override
    public CompletableFuture<Result.Empty> revokeInvite(String channel, String inviteId) {
        return client.request(id -> new ChannelAccessRequests.ChannelInviteRevoke(id, channel, inviteId), Result.Empty.class);
    }

    @Override
    public CompletableFuture<Result.Empty> removeMember(String channel, String username) {
        return client.request(id -> new ChannelAccessRequests.ChannelRemoveMember(id, channel, username), Result.Empty.class);
    }

    @Override
    public CompletableFuture<Result.Empty> lock(String channel, boolean locked) {
        return client.request(id -> new ChannelAccessRequests.ChannelLock(id, channel, locked), Result.Empty.class);
    }

    @Override
    public CompletableFuture<Result.Empty> requestJoin(String channel) {
        return client.request(id -> new ChannelAccessRequests.ChannelJoinRequest(id, channel), Result.Empty.class);
    }

    @Override
    public CompletableFuture<Result.JoinRequests> joinRequests(String channel) {
        return client.request(id -> new ChannelAccessRequests.ChannelJoinRequests(id, channel), Result.JoinRequests.class);
    }

    @Override
    public CompletableFuture<Result.Empty> answerJoin(String channel, String username, boolean approve) {
        return client.request(id -> new ChannelAccessRequests.ChannelJoinAnswer(id, channel, username, approve), Result.Empty.class);
    }
}
