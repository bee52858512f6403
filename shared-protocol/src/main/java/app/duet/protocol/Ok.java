package app.duet.protocol;

import java.util.Objects;

/** The success reply to the request with the same {@code id}. */
public record Ok(String id, Result result) implements ServerMessage {
    public Ok {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
    }
}
