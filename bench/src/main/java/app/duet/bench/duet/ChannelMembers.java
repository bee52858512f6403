package app.duet.bench.duet;

import app.duet.bench.ws.DriverSockets;
import app.duet.protocol.ChannelAccessRequests;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Two freshly signed-up accounts that share a channel: the caller created it and made an invite, the callee
 * joined with it (channels are private; this is the app's own way in).
 */
public record ChannelMembers(String channel, DuetSession caller, String callerName, DuetSession callee,
                             String calleeName) {
    /** Set-up requests are retried up to this often while the server answers INTERNAL (SQLITE_BUSY). */
    private static final int ATTEMPTS = 50;

    /** Signs up {@code <prefix><index>a} and {@code ...b} and puts both in channel {@code <prefix>-<index>}. */
    public static CompletableFuture<ChannelMembers> create(DriverSockets sockets, ProtocolCodec codec, int port,
                                                           String prefix, int index, String password,
                                                           LongAdder retries) throws InterruptedException {
        return create(sockets, codec, port, port, prefix, index, password, retries);
    }

    /** The same with the caller connected to the server on {@code callerPort}, the callee to {@code calleePort}. */
    public static CompletableFuture<ChannelMembers> create(DriverSockets sockets, ProtocolCodec codec, int callerPort,
                                                           int calleePort, String prefix, int index, String password,
                                                           LongAdder retries) throws InterruptedException {
        String channel = prefix + "-" + index;
        String callerName = prefix + index + "a";
        String calleeName = prefix + index + "b";
        CompletableFuture<DuetSession> callerReady =
                DuetSession.signUp(sockets, codec, callerPort, callerName, password, retries);
        CompletableFuture<DuetSession> calleeReady =
                DuetSession.signUp(sockets, codec, calleePort, calleeName, password, retries);
        return callerReady.thenCompose(caller -> caller
                .requestRetrying(id -> new Request.ChannelCreate(id, channel), Result.Channel.class, ATTEMPTS, retries)
                .thenCompose(created -> calleeReady)
                .thenCompose(callee -> joinInvited(caller, callee, channel, retries)
                        .thenApply(joined -> new ChannelMembers(channel, caller, callerName, callee, calleeName))));
    }

    /** {@code owner} makes a single-use invite to {@code channel} and {@code joiner} joins with it. */
    public static CompletableFuture<Result.Channel> joinInvited(DuetSession owner, DuetSession joiner, String channel,
                                                                LongAdder retries) {
        return owner.requestRetrying(id -> new ChannelAccessRequests.ChannelInviteCreate(id, channel, null, null),
                        Result.InviteCreated.class, ATTEMPTS, retries)
                .thenCompose(invite -> joiner.requestRetrying(id -> new Request.ChannelJoin(id, channel, invite.token()),
                        Result.Channel.class, ATTEMPTS, retries));
    }
}
