package app.duet.bench.nodes;

import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.SessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import app.duet.client.signaling.SignalingListener;
import app.duet.protocol.CallInfo;
import app.duet.protocol.Event;
import app.duet.protocol.Result;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One user of the failover benchmark: the app's own signaling client (default reconnect backoff, automatic
 * resume) through the balancer, and every resumed sign-in it had, with the call the server gave back.
 */
final class FailoverUser implements AutoCloseable {
    /** A resume: when (System.nanoTime()) and the id of the call it came back with, if any. */
    record Resume(long at, Optional<String> callId) {
    }

    final String name;
    final SignalingClient client;
    private final List<Resume> resumes = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Event.CallIncoming> ring = new CompletableFuture<>();

    FailoverUser(String name, URI balancer) {
        this.name = name;
        this.client = new SignalingClient(SignalingConfig.defaults(balancer, "duet-bench/failover"), SessionStore.none());
        client.addListener(new SignalingListener() {
            @Override
            public void onSignedIn(Result.Auth auth, boolean resumed) {
                if (resumed) {
                    resumes.add(new Resume(System.nanoTime(), Optional.ofNullable(auth.call()).map(CallInfo::callId)));
                }
            }

            @Override
            public void onCallIncoming(Event.CallIncoming event) {
                ring.complete(event);
            }
        });
        client.start();
    }

    /** The first ring this user heard. */
    CompletableFuture<Event.CallIncoming> ring() {
        return ring;
    }

    /** The first resume after {@code since} (System.nanoTime()). */
    Optional<Resume> resumedAfter(long since) {
        return resumes.stream().filter(r -> r.at() > since).findFirst();
    }

    boolean connected() {
        return client.state() == ConnectionState.CONNECTED;
    }

    @Override
    public void close() {
        client.close();
    }
}
