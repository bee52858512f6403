package app.duet.client.call.model;

import java.util.List;

/** A STUN or TURN server as the signaling server hands it out ({@code ice_servers}). */
public record IceServerConfig(List<String> urls, String username, String credential) {

    public IceServerConfig {
        urls = List.copyOf(urls);
    }
}
