package app.duet.client.ui.channels;

import app.duet.protocol.Media;
import app.duet.protocol.MemberInfo;

/** Starts an outgoing call from a channel; implemented by the call feature. */
public interface CallLauncher {
    void call(String channel, MemberInfo peer, Media media);

    /** False while the call engine is still starting; call buttons wait for it. */
    javafx.beans.value.ObservableBooleanValue ready();
}
