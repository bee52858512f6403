package app.duet.client.signaling;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import app.duet.protocol.Event;
import app.duet.protocol.Protocol;
import app.duet.protocol.Request;
import app.duet.protocol.Result;

/** A connection handler that only says hello (no session) and records every state the connector passes. */
final class GreetOnly implements ConnectionHandler {
    private final Supplier<Connector> connector;
    private final List<ConnectionState> states;

    GreetOnly(Supplier<Connector> connector, List<ConnectionState> states) {
        this.connector = connector;
        this.states = states;
    }

    @Override
    public CompletableFuture<Void> handshake() {
        return connector.get().sendNow(id -> new Request.Hello(id, Protocol.PROTOCOL_VERSION, "test/1"),
                Result.Hello.class).thenApply(hello -> null);
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void onState(ConnectionState state) {
        states.add(state);
    }

    @Override
    public void onSessionRevoked(SignalingListener.SignOutReason why) {
    }
}
