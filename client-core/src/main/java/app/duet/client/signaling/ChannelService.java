package app.duet.client.signaling;

import java.util.concurrent.CompletableFuture;

import app.duet.protocol.Result;

/**
 * The channel requests of the signed-in user. Presence and deletions by the owner arrive as events
 * through {@link SignalingEventSource}. Futures fail with a {@link SignalingException}.
 */
public interface ChannelService {

    CompletableFuture<Result.Channels> listChannels();

    CompletableFuture<Result.Channel> createChannel(String name);

    /** Joins without an invite. */
    default CompletableFuture<Result.Channel> joinChannel(String name) {
        return joinChannel(name, null);
    }

    /** Joins with the token of an invite link ({@code invite} null: none). */
    CompletableFuture<Result.Channel> joinChannel(String name, String invite);

    CompletableFuture<Result.Empty> leaveChannel(String name);

    /** Only the owner may delete a channel. */
    CompletableFuture<Result.Empty> deleteChannel(String name);
}
