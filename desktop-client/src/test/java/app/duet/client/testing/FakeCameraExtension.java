package app.duet.client.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Checks that the fakecam shim is preloaded (skips the tests outside the "camera-tests" execution), plugs
 * every camera back in before each test and hands tests a {@link FakeCameraControl}.
 */
final class FakeCameraExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        control();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        control().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakeCameraControl.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return control();
    }

    private static FakeCameraControl control() {
        String preload = System.getenv("LD_PRELOAD");
        String directory = System.getenv("DUET_FAKECAM_CONTROL");
        if (preload == null || !preload.contains("libfakecam.so") || directory == null) {
            throw new TestAbortedException("The fakecam shim is not preloaded: camera tests run in the camera-tests execution");
        }
        if (!Files.isRegularFile(Path.of(preload)) || !Files.isDirectory(Path.of(directory))) {
            throw new AssertionError("The fakecam shim was not built (" + preload + "); is gcc installed?");
        }
        return new FakeCameraControl(Path.of(directory));
    }
}
