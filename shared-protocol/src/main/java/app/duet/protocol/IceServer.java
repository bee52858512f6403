package app.duet.protocol;

import app.duet.protocol.Field.Optional;
import java.util.List;

/** One entry of RTCConfiguration.iceServers. TURN entries carry short-lived credentials. */
public record IceServer(List<String> urls, @Optional String username, @Optional String credential) {
    public IceServer {
        urls = urls == null ? null : List.copyOf(urls);
    }

    @Override
    public String toString() {
        return "IceServer[urls=" + urls + ", username=" + username + ", credential=<hidden>]";
    }
}
