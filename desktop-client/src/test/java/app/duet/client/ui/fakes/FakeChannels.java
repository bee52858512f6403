package app.duet.client.ui.fakes;

import java.util.concurrent.CompletableFuture;

import app.duet.client.signaling.ChannelAccessService;
import app.duet.client.signaling.ChannelService;
import app.duet.protocol.Result;

/** A {@link ChannelService} and {@link ChannelAccessService} that record each request and answer when the test says so. */
public final class FakeChannels implements ChannelService, ChannelAccessService {
    public final SentRequests sent = new SentRequests();

    @Override
    public CompletableFuture<Result.Channels> listChannels() {
        return sent.record("listChannels");
    }

    @Override
    public CompletableFuture<Result.Channel> createChannel(String name) {
        return sent.record("createChannel", name);
    }

    @Override
    public CompletableFuture<Result.Channel> joinChannel(String name, String invite) {
        return invite == null ? sent.record("joinChannel", name) : sent.record("joinChannel", name, invite);
    }

    @Override
    public CompletableFuture<Result.Empty> leaveChannel(String name) {
        return sent.record("leaveChannel", name);
    }

    @Override
    public CompletableFuture<Result.Empty> deleteChannel(String name) {
        return sent.record("deleteChannel", name);
    }

    @Override
    public CompletableFuture<Result.InviteCreated> createInvite(String channel, Integer maxUses, Long expiresInSeconds) {
        return sent.record("createInvite", channel, maxUses, expiresInSeconds);
    }

    @Override
    public CompletableFuture<Result.Invites> invites(String channel) {
        return sent.record("invites", channel);
    }

    @Override
    public CompletableFuture<Result.Empty> revokeInvite(String channel, String inviteId) {
        return sent.record("revokeInvite", channel, inviteId);
    }

    @Override
    public CompletableFuture<Result.Empty> removeMember(String channel, String username) {
        return sent.record("removeMember", channel, username);
    }

    @Override
    public CompletableFuture<Result.Empty> lock(String channel, boolean locked) {
        return sent.record("lock", channel, locked);
    }

    @Override
    public CompletableFuture<Result.Empty> requestJoin(String channel) {
        return sent.record("requestJoin", channel);
    }

    @Override
    public CompletableFuture<Result.JoinRequests> joinRequests(String channel) {
        return sent.record("joinRequests", channel);
    }

    @Override
    public CompletableFuture<Result.Empty> answerJoin(String channel, String username, boolean approve) {
        return sent.record("answerJoin", channel, username, approve);
    }
}
