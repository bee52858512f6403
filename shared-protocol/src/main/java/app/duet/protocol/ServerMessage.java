package app.duet.protocol;

/** What a server sends: a reply to a request ({@link Ok} or {@link ErrorReply}) or a pushed {@link Event}. */
public sealed interface ServerMessage extends Message permits Ok, ErrorReply, Event {
}
