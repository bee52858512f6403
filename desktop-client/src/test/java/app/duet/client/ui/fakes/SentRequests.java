package app.duet.client.ui.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The requests a fake service was sent, each with the future the test completes by hand. */
public final class SentRequests {

    /** One request: its name, its arguments, and the reply still to be given. */
    public record Sent(String name, List<Object> args, CompletableFuture<Object> reply) {
        public void succeed(Object value) {
            reply.complete(value);
        }

        public void fail(Throwable error) {
            reply.completeExceptionally(error);
        }
    }

    private final List<Sent> sent = new ArrayList<>();

    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> record(String name, Object... args) {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        sent.add(new Sent(name, Arrays.asList(args), reply));
        return (CompletableFuture<T>) (CompletableFuture<?>) reply;
    }

    public List<Sent> all() {
        return List.copyOf(sent);
    }

    /** The names in the order sent, e.g. ["login"]. */
    public List<String> names() {
        return sent.stream().map(Sent::name).toList();
    }

    /** The only request sent so far, checked by name. */
    public Sent only(String name) {
        assertThat(names()).containsExactly(name);
        return sent.get(0);
    }

    public Sent last() {
        assertThat(sent).isNotEmpty();
        return sent.get(sent.size() - 1);
    }
}
