package app.duet.client.ui.call;

import java.util.List;
import java.util.concurrent.Executor;

import app.duet.client.call.CallListener;
import app.duet.client.call.CallSession;
import app.duet.client.call.IceServerConfig;
import app.duet.client.call.SignalingPort;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.call.negotiation.Role;
import app.duet.protocol.Media;

/**
 * Creates the media side of a call; implemented by the composition root over the call engine. Both
 * methods may block (native start-up, device and screen queries), so callers run them on a worker.
 */
public interface CallFactory {

    CallSession create(Role role, Media media, List<IceServerConfig> iceServers, SignalingPort signaling,
                       CallListener listener, Executor listenerExecutor) throws Exception;

    /** The screens that can be shared. */
    List<DisplayInfo> displays();
}
