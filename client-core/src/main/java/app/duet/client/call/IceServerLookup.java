package app.duet.client.call;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import app.duet.client.call.model.IceServerConfig;
import app.duet.client.signaling.SignalingClient;
import app.duet.protocol.IceServer;
import app.duet.protocol.Result;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the signaling server which STUN/TURN servers a call should use. */
final class IceServerLookup {

    private static final Logger LOG = LoggerFactory.getLogger(IceServerLookup.class);

    private final SignalingClient signaling;

    IceServerLookup(SignalingClient signaling) {
        this.signaling = signaling;
    }

    /** A failure falls back to host candidates only rather than failing the call. */
    CompletableFuture<List<IceServerConfig>> fetch() {
        return signaling.iceServers().thenApply(IceServerLookup::toConfig).exceptionally(error -> {
            LOG.warn("Could not fetch ICE servers; calling with direct connections only: {}",
                    SignalingClient.unwrap(error).getMessage());
            return List.of();
        });
    }

    private static List<IceServerConfig> toConfig(Result.IceServers reply) {
        return reply.iceServers().stream()
                .map((IceServer s) -> new IceServerConfig(s.urls(), s.username(), s.credential()))
                .toList();
    }
}
