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
 * Starts one {@link DesktopSession} per test class (under desktop-client/target/notifications/) and hands
 * it to tests as a parameter; a class annotated {@link WithTray} also gets a system tray. Needs an X display
 * (the tests run under xvfb-run) and the Debian packages dbus, dunst (and trayer, xdotool): without them the
 * tests are skipped on a developer's machine and fail on CI.
 */
public final class DesktopSessionExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DesktopSession.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String display = System.getenv("DISPLAY");
        try {
            if (display == null) {
                throw new IOException("no X display (DISPLAY is unset); run the tests under xvfb-run");
            }
            Path dir = Path.of("target", "notifications", context.getRequiredTestClass().getSimpleName());
            boolean tray = context.getRequiredTestClass().isAnnotationPresent(WithTray.class);
            context.getStore(NAMESPACE).put(DesktopSession.class, DesktopSession.start(dir, display, tray));
        } catch (IOException | RuntimeException e) {
            String why = "The notification daemon could not start: " + e.getMessage();
            if (System.getenv("CI") != null) {
                throw new AssertionError(why, e);
            }
            throw new TestAbortedException(why, e);
        }
    }

    /** The class's session also runs a system tray (trayer). */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface WithTray {
    }

    @Override
    public void afterAll(ExtensionContext context) {
        DesktopSession daemon = context.getStore(NAMESPACE).remove(DesktopSession.class, DesktopSession.class);
        if (daemon != null) {
            daemon.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DesktopSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(DesktopSession.class, DesktopSession.class);
    }
}
