package app.duet.client.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves threads running after it closed everything: a client, engine, call or helper
 * that forgot to stop its executor. Registered for every test class of client-core and desktop-client by
 * auto-detection (junit-platform.properties and META-INF/services in client-core's test resources, which the
 * desktop-client tests get through client-core's test-jar).
 *
 * <p>A thread counts when it started during the class and is still alive {@link Waits#THREADS_END} after the
 * class's last {@code @AfterAll}. Threads that outlive test classes on purpose are {@link LongLived}.
 * libwebrtc's threads are not on the list: none has outlived a closed {@code MediaEngine} in the engine, call
 * and UI tests (they end with the peer connection factory it disposes).
 */
public final class NoLeakedThreads implements BeforeAllCallback, AfterAllCallback {

    /**
     * Threads that start once for the whole test JVM and stay, by the start of their name: the first test class
     * that needs them starts them, and no test can stop them.
     */
    enum LongLived {
        /** The JavaFX toolkit, started once per JVM (TestFX cannot restart it) and shared by the UI tests. */
        JAVAFX("JavaFX Application Thread", "JavaFX-Launcher", "QuantumRenderer-", "Prism Font Disposer",
                "InvokeLaterDispatcher"),
        /** TestFX's pool, which runs the toolkit's set-up and stays with it. */
        TESTFX("testfx-async-pool-thread-"),
        /** Monocle, the headless glass platform under the UI tests. */
        MONOCLE("Monocle "),
        /** AWT, started by the screen capture (and TestFX's robot); an AWT toolkit never shuts down. */
        AWT("AWT-XAWT", "AWT-Shutdown", "AWT-EventQueue-", "Java2D Disposer"),
        /** The JDK's own: java.lang.ref.Cleaner threads (one per cleaner, for good) and idle process reapers. */
        JDK("Cleaner-", "process reaper"),
        /** The JVM's attach listener, started for good when the fuzz target's Jazzer attaches its agent. */
        ATTACH("Attach Listener");

        private final List<String> prefixes;

        LongLived(String... prefixes) {
            this.prefixes = List.of(prefixes);
        }

        static boolean covers(Thread thread, StackTraceElement[] stack) {
            if (thread.getName().startsWith("process reaper") && waitsForAProcess(stack)) {
                return false; // a reaper lingers idle for a minute, but one waiting on a process means it still runs
            }
            return Arrays.stream(values()).anyMatch(kind -> kind.prefixes.stream().anyMatch(thread.getName()::startsWith));
        }

        private static boolean waitsForAProcess(StackTraceElement[] stack) {
            return Arrays.stream(stack).anyMatch(frame -> frame.getMethodName().startsWith("waitForProcessExit"));
        }
    }

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoLeakedThreads.class);

    /**
     * Threads started by {@link #startForTheJvm}: JVM-wide, like the {@link LongLived} ones, but known by when
     * they started rather than by name. One set for the JVM, as what it records is.
     */
    private static final Set<Long> STARTED_FOR_THE_JVM = ConcurrentHashMap.newKeySet();

    /**
     * Runs {@code start}, which starts something for the whole test JVM that JUnit closes after the last test
     * (kept in the root store), e.g. the private PulseAudio: the threads it starts (its process's reaper) are
     * not a leak of the test class that happened to need it first.
     */
    public static <T> T startForTheJvm(Supplier<T> start) {
        Set<Long> before = snapshot();
        try {
            return start.get();
        } finally {
            Set<Long> now = snapshot();
            now.removeAll(before);
            STARTED_FOR_THE_JVM.addAll(now);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("before", snapshot());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Set<Long> before = context.getStore(NS).get("before", Set.class);
        try {
            await().atMost(Waits.THREADS_END).pollInterval(Duration.ofMillis(100)).pollInSameThread()
                    .until(() -> leaked(before).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(context.getDisplayName() + " left threads running:\n" + describe(leaked(before)));
        }
    }

    /** The ids of the threads alive now. */
    static Set<Long> snapshot() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
    }

    /** The threads alive now that were not in {@code before} and are not {@link LongLived}. */
    static List<Thread> leaked(Set<Long> before) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive() && !before.contains(e.getKey().getId()))
                .filter(e -> !STARTED_FOR_THE_JVM.contains(e.getKey().getId()))
                .filter(e -> !LongLived.covers(e.getKey(), e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static String describe(List<Thread> threads) {
        return threads.stream()
                .map(t -> "  " + t.getName() + (t.isDaemon() ? " (daemon)" : "") + Arrays.stream(t.getStackTrace())
                        .limit(8).map(f -> "\n      at " + f).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }
}
