package app.duet.websocket;

import java.net.URI;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A client for {@link LoopbackServer} with no heartbeat that ignores every event its test does not override. */
class LoopbackClient extends WebSocketClient {

    LoopbackClient(URI uri) {
        super(uri);
        setConnectionLostTimeout(0);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
    }

    @Override
    public void onError(Exception ex) {
    }
}
