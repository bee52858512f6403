package app.duet.client.call.peer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs code called back from a libwebrtc thread. An exception escaping into native code aborts the whole
 * JVM, so every callback body goes through here and failures are logged instead.
 */
public final class NativeCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(NativeCallbacks.class);

    private NativeCallbacks() {
    }

    public static void guard(String what, Runnable body) {
        try {
            body.run();
        } catch (Throwable e) { // anything reaching native code would abort the JVM
            LOG.error("Callback {} failed", what, e);
        }
    }
}
