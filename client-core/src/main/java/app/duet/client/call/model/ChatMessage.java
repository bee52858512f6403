package app.duet.client.call.model;

import java.time.Instant;

/** A chat line sent over the call's data channel. */
public record ChatMessage(boolean fromMe, String text, Instant sentAt) {
}
