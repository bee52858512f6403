package app.duet.server.channels;

import app.duet.protocol.Event;
import java.util.ArrayList;
import java.util.List;

/** Events decided under the registry lock and delivered after it is released (no I/O under the lock). */
final class Outbox {
    private record Delivery(String username, String sessionId, String exceptConnectionId, Event event) {
    }

    private final List<Delivery> deliveries = new ArrayList<>();

    void toUser(String username, Event event) {
        deliveries.add(new Delivery(username, null, null, event));
    }

    void toUserExcept(String username, String exceptConnectionId, Event event) {
        deliveries.add(new Delivery(username, null, exceptConnectionId, event));
    }

    void toSession(String sessionId, Event event) {
        deliveries.add(new Delivery(null, sessionId, null, event));
    }

    void deliver(Relay relay) {
        for (Delivery d : deliveries) {
            if (d.sessionId() != null) {
                relay.toSession(d.sessionId(), d.event());
            } else {
                relay.toUser(d.username(), d.event(), d.exceptConnectionId());
            }
        }
    }
}
