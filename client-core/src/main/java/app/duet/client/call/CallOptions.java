package app.duet.client.call;

import java.nio.file.Path;
import java.util.List;

import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.model.IceServerConfig;

/**
 * How one call is set up.
 *
 * @param iceServers  STUN/TURN servers from the signaling server
 * @param forceRelay  send media only through TURN (hides IP addresses; needs a TURN server)
 * @param downloadDir where received files are stored
 */
public record CallOptions(List<IceServerConfig> iceServers, boolean forceRelay, MediaSettings media, Path downloadDir) {

    public CallOptions {
        iceServers = List.copyOf(iceServers);
    }

    public CallOptions withIceServers(List<IceServerConfig> servers, boolean relayOnly) {
        return new CallOptions(servers, relayOnly, media, downloadDir);
    }
}
