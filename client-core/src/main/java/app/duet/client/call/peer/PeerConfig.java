package app.duet.client.call.peer;

import java.util.List;

import app.duet.client.call.model.IceServerConfig;

import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.TlsCertPolicy;

/**
 * Network settings of one peer connection.
 *
 * @param forceRelay only relay (TURN) candidates, hiding both parties' addresses from each other
 * @param minPort    lowest UDP port to use, 0 for any
 * @param maxPort    highest UDP port to use, 0 for any
 */
public record PeerConfig(List<IceServerConfig> iceServers, boolean forceRelay, int minPort, int maxPort) {

    public PeerConfig {
        iceServers = List.copyOf(iceServers);
    }

    public static PeerConfig hostOnly() {
        return new PeerConfig(List.of(), false, 0, 0);
    }

    RTCConfiguration toRtc() {
        RTCConfiguration config = new RTCConfiguration();
        for (IceServerConfig server : iceServers) {
            RTCIceServer ice = new RTCIceServer();
            ice.urls = server.urls();
            ice.username = server.username();
            ice.password = server.credential();
            // libwebrtc checks a turns: certificate against its own 36 built-in roots, not the system's
            // (docs/webrtc-java-notes.md); said here so the choice is visible, it is also the library's default.
            ice.tlsCertPolicy = server.checkTlsCertificate() ? TlsCertPolicy.SECURE : TlsCertPolicy.INSECURE_NO_CHECK;
            config.iceServers.add(ice);
        }
        config.iceTransportPolicy = forceRelay ? RTCIceTransportPolicy.RELAY : RTCIceTransportPolicy.ALL;
        config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        PortAllocatorConfig ports = new PortAllocatorConfig();
        ports.setDisableTcp(true);
        ports.minPort = minPort;
        ports.maxPort = maxPort;
        config.portAllocatorConfig = ports;
        return config;
    }
}
