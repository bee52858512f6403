package app.duet.bench.relay;

import app.duet.bench.ws.WsConnection;

/**
 * Two driver sockets that relay to each other through the server under test: for Duet two users
 * in one call, for PeerServer two peer ids. {@code callId} is empty where the server has no calls.
 */
record RelayPair(int index, WsConnection caller, WsConnection callee, String callerId, String calleeId,
                 String callId) {
    WsConnection from(boolean fromCaller) {
        return fromCaller ? caller : callee;
    }
}
