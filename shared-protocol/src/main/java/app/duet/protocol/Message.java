package app.duet.protocol;

/** Anything sent as one WebSocket text frame: a request from a client, or a reply or event from the server. */
public sealed interface Message permits Request, ServerMessage {
    /** The message's wire type. */
    default MessageType type() {
        return MessageType.of(this);
    }
}
