package app.duet.client.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaEngine;

/**
 * One headless {@link MediaEngine} shared by a test class's tests (register it on a static field with
 * {@code @RegisterExtension}): started before the first test, closed after the last. Starting an engine
 * probes the audio devices, so tests share one; each test closes the calls it made.
 */
public final class SharedMediaEngine implements BeforeAllCallback, AfterAllCallback {

    private MediaEngine engine;

    public MediaEngine get() {
        return engine;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        engine = MediaEngine.start(AudioMode.HEADLESS);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (engine != null) {
            engine.close();
        }
    }
}
