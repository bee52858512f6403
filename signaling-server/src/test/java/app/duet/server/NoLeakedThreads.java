package app.duet.server;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails a test class that leaves server or WebSocket threads running after it closed everything. */
final class NoLeakedThreads implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoLeakedThreads.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("before", ours());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Set<String> before = context.getStore(NS).get("before", Set.class);
        await("threads left running").atMost(Duration.ofSeconds(15)).until(() -> {
            Set<String> now = ours();
            now.removeAll(before);
            return now.isEmpty();
        });
    }

    private static Set<String> ours() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(t -> t.getName() + "#" + t.getId())
                .filter(n -> n.startsWith("duet-") || n.startsWith("WebSocket") || n.startsWith("connectionLostChecker"))
                .collect(Collectors.toSet());
    }
}
