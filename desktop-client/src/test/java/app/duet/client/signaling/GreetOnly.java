package app.duet.client.signaling;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import app.duet.protocol.Event;
import app.duet.protocol.Protocol;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.Request;
import app.duet.protocol.Result;

/** A connection handler that only says hello (no session) and records every state the connector passes. */
final class GreetOnly implements ConnectionHandler {
    private final Connector connector;
    private final List<ConnectionState> states;

    private GreetOnly(Connector connector, List<ConnectionState> states) {
        this.connector = connector;
        this.states = states;
    }

    /** A started connector to {@code server} with this handler; its requests time out on {@code timer}. */
    static Connector connect(URI server, ScheduledExecutorService timer, List<ConnectionState> states) {
        Connector connector = new Connector(SignalingConfig.defaults(server, "test/1"), new ProtocolCodec(), timer,
                Runnable::run);
        connector.setHandler(new GreetOnly(connector, states));
        connector.start();
        return connector;
    }

    @Override
    public CompletableFuture<Void> handshake() {
        return connector.sendNow(id -> new Request.Hello(id, Protocol.PROTOCOL_VERSION, "test/1"),
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
