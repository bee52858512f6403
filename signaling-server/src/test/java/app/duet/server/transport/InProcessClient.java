package app.duet.server.transport;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Role;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.TextFrame;

/**
 * One connection of {@link InProcessClients}: sends text frames as a client would put them on the wire
 * (masked, any payload bytes, valid UTF-8 or not) and keeps every frame the server wrote to it.
 */
final class InProcessClient {
    private final WebSocketImpl socket;
    /** Writes frames as a client does (masked). */
    private final Draft_6455 writer = new Draft_6455();
    /** Reads the server's frames, as a client does. */
    private final Draft_6455 reader = new Draft_6455();
    private final List<JsonObject> received = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private boolean handshakeDone;
    private int closeCode;

    InProcessClient(WebSocketImpl socket) {
        this.socket = socket;
        writer.setParseMode(Role.CLIENT);
        reader.setParseMode(Role.CLIENT);
    }

    synchronized void handshakeDone() {
        handshakeDone = true;
    }

    void send(String frame) {
        sendBytes(frame.getBytes(StandardCharsets.UTF_8));
    }

    /** One text frame with this payload, handled by the server on this thread before it returns. */
    void sendBytes(byte[] payload) {
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap(payload));
        frame.setFin(true);
        frame.setTransferemasked(true);
        socket.decode(writer.createBinaryFrame(frame));
        finishClosing();
    }

    /** A close the server started is complete once its queue is written: the selector's part, done here. */
    void finishClosing() {
        if (socket.isFlushAndClose() && !socket.isClosed()) {
            socket.closeConnection();
        }
    }

    /** The client goes away without a close handshake (as when its process ends). */
    void drop() {
        socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "gone", true);
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    synchronized int closeCode() {
        return closeCode;
    }

    synchronized List<JsonObject> received() {
        return List.copyOf(received);
    }

    /** Drops what was received so far (checked already), so a long-lived connection's list stays short. */
    synchronized void forget() {
        received.clear();
    }

    /** The first frame received that matches, waiting up to the timeout; null if none came. */
    synchronized JsonObject await(Predicate<JsonObject> match, long timeoutMillis) {
        JsonObject[] found = new JsonObject[1];
        awaitAll(frames -> {
            found[0] = frames.stream().filter(match).findFirst().orElse(null);
            return found[0] != null;
        }, timeoutMillis);
        return found[0];
    }

    /**
     * Waits until the condition holds on everything received so far; false if it did not within the timeout
     * or the connection closed first.
     */
    synchronized boolean awaitAll(Predicate<List<JsonObject>> condition, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.test(received)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || closeCode != 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** What this client could not read of what the server sent; empty when all was well-formed. */
    synchronized List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    /** A buffer the server's side wrote: one whole frame (after the handshake's response). */
    synchronized void received(ByteBuffer buffer) {
        if (!handshakeDone) {
            return;
        }
        try {
            for (Framedata frame : reader.translateFrame(buffer)) {
                if (frame instanceof CloseFrame close) {
                    closeCode = close.getCloseCode();
                } else if (frame instanceof TextFrame) {
                    String text = StandardCharsets.UTF_8.decode(frame.getPayloadData()).toString();
                    JsonElement json = parse(text);
                    if (json != null && json.isJsonObject()) {
                        received.add(json.getAsJsonObject());
                    } else {
                        unreadable.add(text);
                    }
                }
            }
        } catch (InvalidDataException e) {
            unreadable.add(e.toString());
        }
        notifyAll();
    }

    private static JsonElement parse(String text) {
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            return null;
        }
    }
}
