package app.duet.client.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against a private PulseAudio with virtual devices ({@link SoundServer}). The tag
 * keeps it in desktop-client's "sound-tests" surefire execution, whose JVM alone has PULSE_SERVER set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("sound")
@ExtendWith(SoundServerExtension.class)
public @interface PrivateSoundServer {
}
