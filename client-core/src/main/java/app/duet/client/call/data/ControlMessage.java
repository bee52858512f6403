package app.duet.client.call.data;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * Text messages on the call's data channel: chat, media state, file transfer control. One flat record so
 * the wire stays small; unknown types are ignored by the receiver so older clients keep working.
 */
record ControlMessage(String type, String text, Long sentAt, Boolean mic, Boolean camera, Boolean screen,
                      String id, String name, Long size, String sha256, Boolean ok, String reason) {

    /** Sent when the channel opens; the far side answers {@link #HELLO_ACK}. Until one of them arrives the far
     *  side is not known to speak this protocol, and chat and files wait. */
    static final String HELLO = "hello";
    static final String HELLO_ACK = "hello_ack";
    static final String CHAT = "chat";
    static final String MEDIA = "media";
    static final String FILE_START = "file_start";
    static final String FILE_END = "file_end";
    static final String FILE_CANCEL = "file_cancel";
    static final String FILE_RESULT = "file_result";
    /** The receiver's answer to a file_start: send it / do not. */
    static final String FILE_ACCEPT = "file_accept";
    static final String FILE_DECLINE = "file_decline";

    private static final Gson GSON = new Gson();

    static ControlMessage hello() {
        return of(HELLO);
    }

    static ControlMessage helloAck() {
        return of(HELLO_ACK);
    }

    private static ControlMessage of(String type) {
        return new ControlMessage(type, null, null, null, null, null, null, null, null, null, null, null);
    }

    static ControlMessage chat(String text, long sentAt) {
        return new ControlMessage(CHAT, text, sentAt, null, null, null, null, null, null, null, null, null);
    }

    static ControlMessage media(boolean mic, boolean camera, boolean screen) {
        return new ControlMessage(MEDIA, null, null, mic, camera, screen, null, null, null, null, null, null);
    }

    static ControlMessage fileStart(String id, String name, long size, String sha256) {
        return new ControlMessage(FILE_START, null, null, null, null, null, id, name, size, sha256, null, null);
    }

    static ControlMessage fileEnd(String id) {
        return new ControlMessage(FILE_END, null, null, null, null, null, id, null, null, null, null, null);
    }

    static ControlMessage fileCancel(String id, String reason) {
        return new ControlMessage(FILE_CANCEL, null, null, null, null, null, id, null, null, null, null, reason);
    }

    static ControlMessage fileAccept(String id) {
        return new ControlMessage(FILE_ACCEPT, null, null, null, null, null, id, null, null, null, null, null);
    }

    static ControlMessage fileDecline(String id) {
        return new ControlMessage(FILE_DECLINE, null, null, null, null, null, id, null, null, null, null, null);
    }

    static ControlMessage fileResult(String id, boolean ok, String reason) {
        return new ControlMessage(FILE_RESULT, null, null, null, null, null, id, null, null, null, ok, reason);
    }

    String toJson() {
        return GSON.toJson(this);
    }

    /** The message, or null when the text is not a message we understand. */
    static ControlMessage parse(String json) {
        try {
            ControlMessage message = GSON.fromJson(json, ControlMessage.class);
            return message == null || message.type() == null ? null : message;
        } catch (JsonParseException e) {
            return null;
        }
    }
}
