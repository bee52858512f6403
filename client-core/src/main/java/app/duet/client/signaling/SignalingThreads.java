package app.duet.client.signaling;

import java.util.concurrent.ThreadFactory;

/**
 * The signaling client's own threads: daemons, so an app that forgot to close the client can still exit. (The
 * call package has its own factory; signaling must not depend on it, the call package depends on signaling.)
 */
final class SignalingThreads {
    private SignalingThreads() {
    }

    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
