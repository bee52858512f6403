package app.duet.client.call.model;

import java.util.List;

/**
 * A STUN or TURN server as the signaling server hands it out ({@code ice_servers}).
 *
 * @param checkTlsCertificate whether a {@code turns:} server's certificate must chain to one of libwebrtc's
 *                            built-in roots and name the URL's host; always true for servers from the wire
 */
public record IceServerConfig(List<String> urls, String username, String credential, boolean checkTlsCertificate) {

    public IceServerConfig {
        urls = List.copyOf(urls);
    }

    public IceServerConfig(List<String> urls, String username, String credential) {
        this(urls, username, credential, true);
    }

    /**
     * The same server with its TLS certificate taken unchecked: only for a TURN server of one's own whose
     * certificate no built-in root signs, such as the tests' coturn with a certificate made on the spot.
     */
    public IceServerConfig withoutTlsCertificateCheck() {
        return new IceServerConfig(urls, username, credential, false);
    }
}
