package app.duet.client.call.model;

/** The peer connection's state, reduced to what negotiation reacts to. */
public enum TransportStatus { CONNECTING, CONNECTED, DISCONNECTED, FAILED }
