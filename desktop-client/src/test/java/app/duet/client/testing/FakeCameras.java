package app.duet.client.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs libwebrtc's real camera path against two emulated V4L2 cameras (the fakecam
 * LD_PRELOAD shim, src/test/native/fakecam.c). The tag keeps it in desktop-client's "camera-tests" surefire
 * execution, whose JVM alone preloads the shim. Tests may take a {@link FakeCameraControl} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("camera")
@ExtendWith(FakeCameraExtension.class)
public @interface FakeCameras {
}
