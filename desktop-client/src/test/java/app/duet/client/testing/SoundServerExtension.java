package app.duet.client.testing;

import java.io.IOException;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Starts one {@link SoundServer} for the whole test JVM (kept in the root store, so JUnit stops it after
 * the last test) and hands it to tests as a parameter. Outside the "sound-tests" execution (PULSE_SERVER
 * unset) the tests are skipped; when PulseAudio cannot start they are skipped on a developer's machine and
 * fail on CI, where a skipped sound test would hide a missing install.
 */
final class SoundServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SoundServer.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SoundServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static SoundServer server(ExtensionContext context) {
        String address = System.getenv("PULSE_SERVER");
        if (address == null) {
            throw new TestAbortedException("PULSE_SERVER is unset: sound tests run in the sound-tests execution");
        }
        Holder holder = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Holder.class,
                k -> NoLeakedThreads.startForTheJvm(() -> new Holder(address)), Holder.class);
        if (holder.server == null) {
            String why = "The private PulseAudio could not start: " + holder.failure.getMessage();
            if (System.getenv("CI") != null) {
                throw new AssertionError(why, holder.failure);
            }
            throw new TestAbortedException(why, holder.failure);
        }
        return holder.server;
    }

    /** One start attempt per JVM; JUnit closes store values that are AutoCloseable when the root context closes. */
    private static final class Holder implements AutoCloseable {
        private SoundServer server;
        private Exception failure;

        Holder(String address) {
            try {
                server = SoundServer.start(address);
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
