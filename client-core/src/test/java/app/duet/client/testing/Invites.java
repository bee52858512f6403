package app.duet.client.testing;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import app.duet.client.signaling.ChannelAccessClient;
import app.duet.client.signaling.SessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import app.duet.protocol.Result;

/**
 * The one way a second person comes into a channel in these tests, as in the app: channels are private, so
 * the owner makes an invite and the other joins with its token. No test needs a way around that.
 */
public final class Invites {
    private Invites() {
    }

    /** A single-use invite to {@code channel} made by its signed-in owner; the token. */
    public static String create(SignalingClient owner, String channel) {
        return await(new ChannelAccessClient(owner).createInvite(channel, null, null)).token();
    }

    /** {@code joiner} joins {@code channel} with an invite from {@code owner}. */
    public static Result.Channel join(SignalingClient joiner, SignalingClient owner, String channel) {
        return join(joiner, channel, create(owner, channel));
    }

    /**
     * {@code joiner} joins with an invite the owner makes on a second device of theirs: for an owner who is the
     * app in another process, which a test cannot reach into.
     */
    public static Result.Channel join(SignalingClient joiner, URI server, String owner, String ownerPassword,
            String channel) {
        try (SignalingClient device = new SignalingClient(SignalingConfig.defaults(server, "test/1"),
                SessionStore.none(), Runnable::run)) {
            device.start();
            await(device.login(owner, ownerPassword, false));
            return join(joiner, channel, create(device, channel));
        }
    }

    public static Result.Channel join(SignalingClient joiner, String channel, String token) {
        return await(joiner.joinChannel(channel, token));
    }

    /**
     * The reply, within {@link Waits#SIGNALING}; a failure is thrown unchecked. Not {@code orTimeout}: its timer
     * thread outlives the test, which the thread-leak check rightly refuses.
     */
    private static <T> T await(CompletableFuture<T> reply) {
        try {
            return reply.get(Waits.SIGNALING.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the server refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no reply within " + Waits.SIGNALING, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
