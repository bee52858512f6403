package app.duet.client.testing;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Starts one {@link NotificationDaemon} per test class (under desktop-client/target/notifications/) and hands
 * it to tests as a parameter. Needs an X display (the tests run under xvfb-run) and the Debian packages dbus
 * and dunst: without them the tests are skipped on a developer's machine and fail on CI.
 */
public final class NotificationDaemonExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NotificationDaemon.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String display = System.getenv("DISPLAY");
        try {
            if (display == null) {
                throw new IOException("no X display (DISPLAY is unset); run the tests under xvfb-run");
            }
            Path dir = Path.of("target", "notifications", context.getRequiredTestClass().getSimpleName());
            context.getStore(NAMESPACE).put(NotificationDaemon.class, NotificationDaemon.start(dir, display));
        } catch (IOException | RuntimeException e) {
            String why = "The notification daemon could not start: " + e.getMessage();
            if (System.getenv("CI") != null) {
                throw new AssertionError(why, e);
            }
            throw new TestAbortedException(why, e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        NotificationDaemon daemon = context.getStore(NAMESPACE).remove(NotificationDaemon.class, NotificationDaemon.class);
        if (daemon != null) {
            daemon.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == NotificationDaemon.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(NotificationDaemon.class, NotificationDaemon.class);
    }
}
