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

    final String alice;
    final String bob;
    final String room;
    final String callId;
    final String carolToken;
    final InProcessClient aliceConnection;
    final InProcessClient bobConnection;
    final InProcessClient carolConnection;
    final InProcessClient eveConnection;

    private FuzzScene(InProcessClients clients) {
        int n = scenes.incrementAndGet();
        alice = "alice-" + n;
        bob = "bob-" + n;
        room = "room-" + n;
        aliceConnection = signedUp(clients, alice);
        bobConnection = signedUp(clients, bob);
        carolConnection = clients.open();
        hello(carolConnection);
        carolToken = request(carolConnection, signup("carol-" + n)).getAsJsonObject("result")
                .getAsJsonObject("session").get("token").getAsString();
        eveConnection = signedUp(clients, "eve-" + n);
        request(eveConnection, "{\"type\":\"channel_create\",\"name\":\"e" + UUID.randomUUID() + "\"");
        request(aliceConnection, "{\"type\":\"channel_create\",\"name\":\"" + room + "\"");
        request(bobConnection, "{\"type\":\"channel_join\",\"name\":\"" + room + "\"");
        callId = request(aliceConnection, "{\"type\":\"call_ring\",\"channel\":\"" + room + "\",\"media\":\"video\"")
                .getAsJsonObject("result").get("callId").getAsString();
        request(bobConnection, "{\"type\":\"call_accept\",\"callId\":\"" + callId + "\"");
        connections().forEach(InProcessClient::forget);
    }

    static FuzzScene build(InProcessClients clients) {
        return new FuzzScene(clients);
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
     * Still as built: everyone connected, carol signed in, and the call relaying alice's offer to bob. False
     * after frames that legitimately changed it (a hang-up, a logout); the target then builds a new one.
     */
    boolean intact() {
        if (!connections().stream().allMatch(InProcessClient::isOpen)) {
            return false;
        }
        String probe = nextId();
        return replyTo(carolConnection, "{\"type\":\"channels_list\"", probe).get("type").getAsString().equals("ok")
                && replyTo(aliceConnection, "{\"type\":\"offer\",\"callId\":\"" + callId + "\",\"sdp\":\"" + probe + "\"",
                        nextId()).get("type").getAsString().equals("ok")
                && bobConnection.await(f -> f.has("sdp") && f.get("sdp").getAsString().equals(probe), TIMEOUT_MILLIS) != null;
    }

    void close() {
        connections().forEach(InProcessClient::drop);
    }

    private static InProcessClient signedUp(InProcessClients clients, String username) {
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
        if (!reply.get("type").getAsString().equals("ok")) {
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

    private static String nextId() {
        return "scene-" + ids.incrementAndGet();
    }
}
