package app.duet.client.ui.fakes;

import java.util.concurrent.CompletableFuture;

import app.duet.client.signaling.ChannelService;
import app.duet.protocol.Result;

/** A {@link ChannelService} that records each request and answers when the test says so. */
public final class FakeChannels implements ChannelService {
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
}
