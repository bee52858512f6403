package app.duet.server.transport;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The people the server fuzz target's frames meet, signed up on the real server: alice and bob in a call
 * in their channel, carol signed in alone, eve signed in in a channel of her own that nobody can guess
 * (she must never hear of anything else). All four share the golden files' password, so a seed's login works.
 */
final class FuzzScene {
    static final String PASSWORD = "correct horse battery";
    private static final long TIMEOUT_MILLIS = 10_000;
    private static final AtomicInteger scenes = new AtomicInteger();
    private static final AtomicInteger ids = new AtomicInteger();

    private final InProcessClients clients;
    final InProcessClient eveConnection;
    String alice;
    String bob;
    String room;
    String callId;
    String carolToken;
    InProcessClient aliceConnection;
    InProcessClient bobConnection;
    InProcessClient carolConnection;

    FuzzScene(InProcessClients clients) {
        this.clients = clients;
        eveConnection = signedUp("eve-" + scenes.incrementAndGet());
        request(eveConnection, "{\"type\":\"channel_create\",\"name\":\"e" + UUID.randomUUID() + "\"");
        newCarol();
        newCall();
        connections().forEach(InProcessClient::forget);
    }

    /** The placeholders seeds use, replaced by this scene's names; "$TOKEN" is carol's session. */
    String fillIn(String frame) {
        return frame.replace("$CALL", callId).replace("$ROOM", room).replace("$ALICE", alice)
                .replace("$BOB", bob).replace("$TOKEN", carolToken);
    }

    List<InProcessClient> connections() {
        return List.of(aliceConnection, bobConnection, carolConnection, eveConnection);
    }

    /**
     * Brings the scene back to what it was built as, after frames that legitimately changed it (a hang-up, a
     * logout): carol signed in, alice's offers relayed to bob in their call. Replaces only what is broken:
     * signing up costs bcrypt and writes, the target's most expensive step.
     */
    void restore() {
        if (!carolSignedIn()) {
            carolConnection.drop();
            newCarol();
        }
        if (!callRelays()) {
            newCallBetweenTheSame();
        }
        connections().forEach(InProcessClient::forget);
    }

    boolean eveConnected() {
        return eveConnection.isOpen();
    }

    private boolean carolSignedIn() {
        return carolConnection.isOpen() && isOk(replyTo(carolConnection, "{\"type\":\"channels_list\"", nextId()));
    }

    private boolean callRelays() {
        if (!aliceConnection.isOpen() || !bobConnection.isOpen()) {
            return false;
        }
        String probe = nextId();
        return isOk(replyTo(aliceConnection, "{\"type\":\"offer\",\"callId\":\"" + callId + "\",\"sdp\":\"" + probe + "\"",
                nextId()))
                && bobConnection.await(f -> f.has("sdp") && f.get("sdp").getAsString().equals(probe), TIMEOUT_MILLIS) != null;
    }

    /** Alice rings bob again if both are still signed in and in their room; otherwise two new people. */
    private void newCallBetweenTheSame() {
        if (aliceConnection.isOpen() && bobConnection.isOpen()) {
            replyTo(aliceConnection, "{\"type\":\"call_hangup\",\"callId\":\"" + callId + "\"", nextId());
            JsonObject ring = replyTo(aliceConnection,
                    "{\"type\":\"call_ring\",\"channel\":\"" + room + "\",\"media\":\"video\"", nextId());
            if (isOk(ring)) {
                callId = ring.getAsJsonObject("result").get("callId").getAsString();
                if (isOk(replyTo(bobConnection, "{\"type\":\"call_accept\",\"callId\":\"" + callId + "\"", nextId()))
                        && callRelays()) {
                    return;
                }
            }
        }
        aliceConnection.drop();
        bobConnection.drop();
        newCall();
    }

    private void newCarol() {
        carolConnection = clients.open();
        hello(carolConnection);
        carolToken = request(carolConnection, signup("carol-" + scenes.incrementAndGet())).getAsJsonObject("result")
                .getAsJsonObject("session").get("token").getAsString();
    }

    private void newCall() {
        int n = scenes.incrementAndGet();
        alice = "alice-" + n;
        bob = "bob-" + n;
        room = "room-" + n;
        aliceConnection = signedUp(alice);
        bobConnection = signedUp(bob);
        request(aliceConnection, "{\"type\":\"channel_create\",\"name\":\"" + room + "\"");
        String invite = request(aliceConnection, "{\"type\":\"channel_invite_create\",\"channel\":\"" + room + "\"")
                .getAsJsonObject("result").get("token").getAsString();
        request(bobConnection, "{\"type\":\"channel_join\",\"name\":\"" + room + "\",\"invite\":\"" + invite + "\"");
        callId = request(aliceConnection, "{\"type\":\"call_ring\",\"channel\":\"" + room + "\",\"media\":\"video\"")
                .getAsJsonObject("result").get("callId").getAsString();
        request(bobConnection, "{\"type\":\"call_accept\",\"callId\":\"" + callId + "\"");
    }

    void close() {
        connections().forEach(InProcessClient::drop);
    }

    private InProcessClient signedUp(String username) {
        InProcessClient c = clients.open();
        hello(c);
        request(c, signup(username));
        return c;
    }

    private static void hello(InProcessClient c) {
        request(c, "{\"type\":\"hello\",\"protocolVersion\":1,\"client\":\"fuzz\"");
    }

    private static String signup(String username) {
        return "{\"type\":\"signup\",\"username\":\"" + username + "\",\"displayName\":\"" + username
                + "\",\"email\":\"" + username + "@example.org\",\"password\":\"" + PASSWORD + "\"";
    }

    /** Sends a request (its JSON without the closing brace) and returns its ok; fails on anything else. */
    private static JsonObject request(InProcessClient c, String openRequest) {
        JsonObject reply = replyTo(c, openRequest, nextId());
        if (!isOk(reply)) {
            throw new IllegalStateException("setting up the scene failed: " + openRequest + " -> " + reply);
        }
        return reply;
    }

    private static JsonObject replyTo(InProcessClient c, String openRequest, String id) {
        c.send(openRequest + ",\"id\":\"" + id + "\"}");
        JsonObject reply = c.await(f -> f.has("id") && f.get("id").getAsString().equals(id), TIMEOUT_MILLIS);
        return reply != null ? reply : noReply(id);
    }

    private static JsonObject noReply(String id) {
        JsonObject none = new JsonObject();
        none.addProperty("type", "none");
        none.addProperty("id", id);
        return none;
    }

    private static boolean isOk(JsonObject reply) {
        return reply.get("type").getAsString().equals("ok");
    }

    private static String nextId() {
        return "scene-" + ids.incrementAndGet();
    }
}
