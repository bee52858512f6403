package app.duet.client.signaling;

import app.duet.client.testing.Invites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.config.ConfigDir;
import app.duet.client.config.FileSessionStore;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.PresenceState;
import app.duet.protocol.Result;

/** The signaling client against the real server on a free port with a real SQLite file. */
class SignalingClientIntegrationTest {

    @TempDir
    Path temp;

    private TestServer server;
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor();
    private final List<SignalingClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = TestServer.start(temp.resolve("server"));
    }

    @AfterEach
    void stopAll() {
        clients.forEach(SignalingClient::close);
        server.close();
        callbacks.shutdownNow();
    }

    @Test
    void signsUpLogsInAndResumesARememberedSessionOnTheNextStart() throws Exception {
        FileSessionStore store = new FileSessionStore(new ConfigDir(temp.resolve("ann")));
        SignalingClient first = client(server.uri(), store, new RecordingListener());

        Result.Auth signedUp = get(first.signup("ann", "Ann Smith", "ann@example.org", "correct horse", true));
        assertThat(signedUp.user().displayName()).isEqualTo("Ann Smith");
        await().atMost(Waits.SIGNALING).until(() -> store.load(server.uri().toString()).isPresent());
        first.close();

        RecordingListener events = new RecordingListener();
        SignalingClient second = client(server.uri(), store, events);
        await().atMost(Waits.SIGNALING).until(() -> !events.signIns.isEmpty());
        assertThat(events.resumed).containsExactly(true);
        assertThat(second.user()).map(u -> u.username()).contains("ann");
        assertThat(get(second.listChannels()).channels()).isEmpty();

        get(second.logout());
        assertThat(events.signOuts).containsExactly(SignalingListener.SignOutReason.LOGGED_OUT);
        await().atMost(Waits.SIGNALING).until(() -> store.load(server.uri().toString()).isEmpty());
        assertThat(get(second.login("ann", "correct horse", false)).user().username()).isEqualTo("ann");
    }

    @Test
    void serverErrorsArriveAsTypedExceptionsAndTheConnectionStaysUsable() throws Exception {
        SignalingClient ann = client(server.uri(), memoryStore(), new RecordingListener());
        get(ann.signup("ann", "Ann", "ann@example.org", "correct horse", false));
        SignalingClient other = client(server.uri(), memoryStore(), new RecordingListener());

        assertThat(serverError(other.login("ann", "wrong password", false))).isEqualTo(ErrorCode.WRONG_CREDENTIALS);
        assertThat(serverError(other.signup("ann", "Imposter", "x@example.org", "correct horse", false)))
                .isEqualTo(ErrorCode.USERNAME_TAKEN);
        assertThat(serverError(other.listChannels())).isEqualTo(ErrorCode.NOT_AUTHENTICATED);
        assertThat(serverError(ann.joinChannel("nowhere"))).isEqualTo(ErrorCode.CHANNEL_NOT_FOUND);
        get(ann.createChannel("room"));
        assertThat(serverError(ann.createChannel("room"))).isEqualTo(ErrorCode.CHANNEL_EXISTS);
        assertThat(ann.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    /** More than the server's burst at once (a call's ring, offer and candidates, several calls in a row). */
    @Test
    void aBurstOverTheServersRateIsPacedNotRefused() throws Exception {
        SignalingClient ann = client(server.uri(), memoryStore(), new RecordingListener());
        get(ann.signup("ann", "Ann", "ann@example.org", "correct horse", false));
        List<CompletableFuture<?>> pings = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pings.add(ann.ping());
        }
        for (CompletableFuture<?> ping : pings) {
            get(ping);
        }
        assertThat(ann.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void reconnectsAndResumesAfterTheServerRestartsOnTheSamePortAndDatabase() throws Exception {
        RecordingListener events = new RecordingListener();
        SignalingClient ann = client(server.uri(), memoryStore(), events);
        get(ann.signup("ann", "Ann", "ann@example.org", "correct horse", false));
        get(ann.createChannel("room"));

        server.restart();

        await().atMost(Waits.SIGNALING).until(() -> events.states.contains(ConnectionState.RECONNECTING));
        await().atMost(Waits.SIGNALING).until(() -> events.resumed.contains(true) && ann.state() == ConnectionState.CONNECTED);
        assertThat(events.events(Event.ServerShutdown.class)).isNotEmpty();
        assertThat(get(ann.listChannels()).channels()).extracting(c -> c.name()).containsExactly("room");
    }

    @Test
    void aRequestMadeWhileTheServerIsDownWaitsAndSucceedsAfterReconnect() throws Exception {
        RecordingListener events = new RecordingListener();
        SignalingClient ann = client(server.uri(), memoryStore(), events);
        get(ann.signup("ann", "Ann", "ann@example.org", "correct horse", false));
        server.stop();
        await().atMost(Waits.SIGNALING).until(() -> ann.state() == ConnectionState.RECONNECTING);

        CompletableFuture<Result.Channel> created = ann.createChannel("later");
        server.restart();

        assertThat(get(created).channel().name()).isEqualTo("later");
    }

    @Test
    void unreachableServerFailsRequestsWithUnreachableAndReportsOffline() throws Exception {
        int unused;
        try (ServerSocket probe = new ServerSocket(0)) {
            unused = probe.getLocalPort();
        }
        RecordingListener events = new RecordingListener();
        SignalingClient lost = client(URI.create("ws://127.0.0.1:" + unused), memoryStore(), events);

        Throwable failure = catchThrowable(() -> get(lost.login("ann", "whatever1", false)));

        assertThat(SignalingClient.unwrap(failure)).isInstanceOf(SignalingException.Unreachable.class);
        await().atMost(Waits.SIGNALING).until(() -> lost.state() == ConnectionState.OFFLINE);
    }

    @Test
    void deliversPresenceAndCallEventsBetweenTwoClients() throws Exception {
        Members m = annAndBobInARoom();
        SignalingClient ann = m.ann();
        SignalingClient bob = m.bob();
        RecordingListener annEvents = m.annEvents();
        RecordingListener bobEvents = m.bobEvents();
        await().atMost(Waits.SIGNALING).until(() -> annEvents.events(Event.Presence.class).stream()
                .anyMatch(p -> p.user().username().equals("bob") && p.state() == PresenceState.JOINED));

        String callId = get(ann.ring("room", Media.VIDEO, null)).callId();
        await().atMost(Waits.SIGNALING).until(() -> !bobEvents.events(Event.CallIncoming.class).isEmpty());
        Event.CallIncoming incoming = bobEvents.events(Event.CallIncoming.class).get(0);
        assertThat(incoming.callId()).isEqualTo(callId);
        assertThat(incoming.from().username()).isEqualTo("ann");
        get(bob.decline(callId));

        await().atMost(Waits.SIGNALING).until(() -> !annEvents.events(Event.CallDeclined.class).isEmpty());
        assertThat(serverError(bob.accept(callId))).isIn(ErrorCode.CALL_NOT_FOUND, ErrorCode.WRONG_STATE);
    }

    @Test
    void candidatesGoOutWithoutIdAndAreRelayedInOrderBetweenTheOffersThatAreAcknowledged() throws Exception {
        Members m = annAndBobInARoom();
        SignalingClient ann = m.ann();
        SignalingClient bob = m.bob();
        RecordingListener annEvents = m.annEvents();
        RecordingListener bobEvents = m.bobEvents();
        String callId = get(ann.ring("room", Media.AUDIO, null)).callId();
        await().atMost(Waits.SIGNALING).until(() -> !bobEvents.events(Event.CallIncoming.class).isEmpty());
        get(bob.accept(callId));

        get(ann.sendOffer(callId, "v=0\r\n"));
        CompletableFuture<Result.Empty> first = ann.sendCandidate(callId, "0", 0, "candidate:1 1 udp 1 10.0.0.1 5000 typ host");
        CompletableFuture<Result.Empty> last = ann.sendCandidate(callId, "0", 0, "");
        get(ann.sendOffer(callId, "v=0\r\na=second\r\n"));
        get(first);
        get(last);

        await().atMost(Waits.SIGNALING).until(() -> bobEvents.events(Event.Offer.class).size() == 2);
        assertThat(bobEvents.events(Event.Candidate.class)).extracting(Event.Candidate::candidate)
                .containsExactly("candidate:1 1 udp 1 10.0.0.1 5000 typ host", "");
        List<Event> relayed = bobEvents.events.stream()
                .filter(e -> e instanceof Event.Offer || e instanceof Event.Candidate).toList();
        assertThat(relayed).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Offer", "Candidate", "Candidate", "Offer");
    }

    private record Members(SignalingClient ann, RecordingListener annEvents, SignalingClient bob,
                           RecordingListener bobEvents) {
    }

    /** ann and bob signed up, both members of the channel "room" (ann created it). */
    private Members annAndBobInARoom() throws Exception {
        RecordingListener annEvents = new RecordingListener();
        RecordingListener bobEvents = new RecordingListener();
        SignalingClient ann = client(server.uri(), memoryStore(), annEvents);
        SignalingClient bob = client(server.uri(), memoryStore(), bobEvents);
        get(ann.signup("ann", "Ann", "ann@example.org", "correct horse", false));
        get(bob.signup("bob", "Bob", "bob@example.org", "correct horse", false));
        get(ann.createChannel("room"));
        Invites.join(bob, ann, "room");
        return new Members(ann, annEvents, bob, bobEvents);
    }

    @Test
    void aSessionRevokedElsewhereSignsTheClientOutInsteadOfResuming() throws Exception {
        RecordingListener events = new RecordingListener();
        SignalingClient laptop = client(server.uri(), memoryStore(), events);
        get(laptop.signup("ann", "Ann", "ann@example.org", "correct horse", false));

        server.issueResetCode("ann");
        String code = server.issueResetCode("ann");
        SignalingClient phone = client(server.uri(), memoryStore(), new RecordingListener());
        get(phone.confirmPasswordReset("ann", code, "new horse battery"));

        await().atMost(Waits.SIGNALING).until(() -> events.signOuts.contains(SignalingListener.SignOutReason.SESSION_EXPIRED));
        await().atMost(Waits.SIGNALING).until(() -> laptop.state() == ConnectionState.CONNECTED);
        assertThat(laptop.hasSession()).isFalse();
        assertThat(get(laptop.login("ann", "new horse battery", false)).user().username()).isEqualTo("ann");
    }

    private SignalingClient client(URI uri, SessionStore store, SignalingListener listener) {
        SignalingClient c = new SignalingClient(SignalingConfig.defaults(uri, "duet-test/1"), store, callbacks);
        c.addListener(listener);
        c.start();
        clients.add(c);
        return c;
    }

    private static SessionStore memoryStore() {
        return new SessionStore() {
            private volatile StoredSession saved;

            @Override
            public java.util.Optional<StoredSession> load(String serverUri) {
                return java.util.Optional.ofNullable(saved).filter(s -> s.serverUri().equals(serverUri));
            }

            @Override
            public void save(StoredSession session) {
                saved = session;
            }

            @Override
            public void clear() {
                saved = null;
            }
        };
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(Waits.SIGNALING.toSeconds(), TimeUnit.SECONDS);
    }

    private static ErrorCode serverError(CompletableFuture<?> future) {
        Throwable failure = SignalingClient.unwrap(catchThrowable(() -> get(future)));
        assertThat(failure).isInstanceOf(SignalingException.ServerError.class);
        return ((SignalingException.ServerError) failure).code();
    }
}
