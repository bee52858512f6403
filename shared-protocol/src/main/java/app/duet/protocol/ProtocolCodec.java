package app.duet.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns messages into frames and frames into typed messages. Every way a frame can be wrong ends in a
 * {@link ProtocolException} with an {@link ErrorCode}; nothing else escapes. Thread-safe.
 *
 * <p>A server calls {@link #decodeRequest}; a client calls {@link #decodeServerMessage}, telling it
 * which request each pending id belongs to, since the shape of an {@code ok} result depends on that.
 */
public final class ProtocolCodec {
    private final Gson gson = new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapter(String.class, StrictAdapters.STRING.nullSafe())
            .registerTypeAdapter(Boolean.class, StrictAdapters.BOOLEAN.nullSafe())
            .registerTypeAdapter(Integer.class, StrictAdapters.INTEGER.nullSafe())
            .registerTypeAdapter(Long.class, StrictAdapters.LONG.nullSafe())
            .registerTypeAdapterFactory(StrictAdapters.ENUMS)
            .create();

    /**
     * gson's adapter for each component of a record class, in component order: messages are written field
     * by field straight to the frame, after their type.
     */
    private final ClassValue<List<TypeAdapter<Object>>> componentAdapters = new ClassValue<>() {
        @Override
        @SuppressWarnings("unchecked")
        protected List<TypeAdapter<Object>> computeValue(Class<?> recordClass) {
            return RecordShape.of(recordClass).components().stream()
                    .map(c -> (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(c.type()))).toList();
        }
    };

    /** The frame for a request, reply or event: {"type": ..., then the record's fields}. */
    public String encode(Message message) {
        Objects.requireNonNull(message, "message");
        StringWriter frame = new StringWriter(128);
        try {
            // gson's writer leaves out null fields (with their names), as the tree did.
            JsonWriter out = gson.newJsonWriter(frame);
            out.beginObject();
            out.name("type").value(message.type().wireName());
            if (message instanceof Ok ok) {
                out.name("id").value(ok.id());
                out.name("result");
                writeRecord(out, ok.result());
            } else if (message instanceof ErrorReply error) {
                out.name("id").value(error.id());
                out.name("code").value(error.code().name());
                out.name("message").value(error.message());
            } else {
                writeFields(out, message);
            }
            out.endObject();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e);
        }
        return frame.toString();
    }

    private void writeRecord(JsonWriter out, Object record) throws IOException {
        out.beginObject();
        writeFields(out, record);
        out.endObject();
    }

    private void writeFields(JsonWriter out, Object record) throws IOException {
        List<RecordShape.Component> components = RecordShape.of(record.getClass()).components();
        List<TypeAdapter<Object>> adapters = componentAdapters.get(record.getClass());
        for (int i = 0; i < components.size(); i++) {
            RecordShape.Component component = components.get(i);
            out.name(component.name());
            adapters.get(i).write(out, component.valueIn(record));
        }
    }

    /** Reads a client's frame. The exception carries the request id whenever it could be read. */
    public Request decodeRequest(String frame) throws ProtocolException {
        JsonObject json = parse(frame);
        String id = readableId(json);
        try {
            MessageType type = typeOf(json);
            Class<? extends Request> recordClass = type.requestClass().orElseThrow(
                    () -> new ProtocolException(ErrorCode.UNKNOWN_TYPE, "'" + type + "' is not a request"));
            return read(json, recordClass, "");
        } catch (ProtocolException e) {
            throw e.withRequestId(id);
        }
    }

    /**
     * Reads a server's frame: an {@link Ok} (its result typed by the request it answers), an
     * {@link ErrorReply} or an {@link Event}.
     *
     * @param requestTypeOfId the type of the pending request with that id, or null if none is pending
     */
    public ServerMessage decodeServerMessage(String frame, Function<String, MessageType> requestTypeOfId)
            throws ProtocolException {
        JsonObject json = parse(frame);
        MessageType type = typeOf(json);
        switch (type) {
            case OK:
                return readOk(json, requestTypeOfId);
            case ERROR:
                return readError(json);
            default:
                Class<? extends Event> recordClass = type.eventClass().orElseThrow(
                        () -> new ProtocolException(ErrorCode.UNKNOWN_TYPE, "'" + type + "' is not an event"));
                return read(json, recordClass, "");
        }
    }

    private Ok readOk(JsonObject json, Function<String, MessageType> requestTypeOfId) throws ProtocolException {
        String id = requiredString(json, "id");
        MessageType requestType = requestTypeOfId.apply(id);
        if (requestType == null || requestType.resultClass().isEmpty()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "no request with id '" + id + "' is waiting for a reply");
        }
        JsonElement result = json.get("result");
        if (result == null || !result.isJsonObject()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "missing or invalid field 'result'", id);
        }
        try {
            return new Ok(id, read(result.getAsJsonObject(), requestType.resultClass().get(), "result."));
        } catch (ProtocolException e) {
            throw e.withRequestId(id);
        }
    }

    private ErrorReply readError(JsonObject json) throws ProtocolException {
        String id = readableId(json);
        String codeName = requiredString(json, "code");
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(codeName);
        } catch (IllegalArgumentException newerServer) {
            // A code this build does not know yet: keep the server's sentence, treat it as a server fault.
            code = ErrorCode.INTERNAL;
        }
        return new ErrorReply(id, code, requiredString(json, "message"));
    }

    private <T> T read(JsonObject json, Class<T> recordClass, String path) throws ProtocolException {
        if (recordClass == Result.Empty.class) {
            return recordClass.cast(Result.Empty.INSTANCE);
        }
        T value;
        try {
            value = gson.fromJson(json, recordClass);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "a field has the wrong kind of value: " + shortCause(e));
        }
        FieldValidator.validate(value, path);
        return value;
    }

    private static JsonObject parse(String frame) throws ProtocolException {
        if (frame == null) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "the frame is empty");
        }
        // A char is at most 3 UTF-8 bytes: frames up to a third of the limit in chars need no counting.
        if (frame.length() > Protocol.MAX_FRAME_BYTES / 3 && utf8Length(frame) > Protocol.MAX_FRAME_BYTES) {
            throw new ProtocolException(ErrorCode.MESSAGE_TOO_LARGE,
                    "the frame is larger than " + Protocol.MAX_FRAME_BYTES + " bytes");
        }
        JsonElement element;
        try {
            JsonReader reader = new JsonReader(new StringReader(frame));
            reader.setStrictness(Strictness.STRICT);
            element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ProtocolException(ErrorCode.BAD_JSON, "the frame has data after its JSON object");
            }
        } catch (JsonParseException | IOException | IllegalStateException | StackOverflowError e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "the frame is not valid JSON");
        }
        if (!element.isJsonObject()) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "the frame must be one JSON object");
        }
        return element.getAsJsonObject();
    }

    private static MessageType typeOf(JsonObject json) throws ProtocolException {
        JsonElement type = json.get("type");
        if (type == null || !isString(type)) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "the frame has no 'type' string");
        }
        String name = type.getAsString();
        return MessageType.fromWireName(name).orElseThrow(() -> new ProtocolException(
                ErrorCode.UNKNOWN_TYPE, "unknown type '" + abbreviate(name) + "'"));
    }

    /** The id if it is a string of acceptable length, so an error reply can point at its request. */
    private static String readableId(JsonObject json) {
        JsonElement id = json.get("id");
        if (id != null && isString(id)) {
            String value = id.getAsString();
            if (!value.isEmpty() && FieldValidator.length(value) <= Protocol.MAX_ID_LENGTH) {
                return value;
            }
        }
        return null;
    }

    private static String requiredString(JsonObject json, String name) throws ProtocolException {
        JsonElement value = json.get(name);
        if (value == null || !isString(value) || value.getAsString().isEmpty()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "missing or invalid field '" + name + "'");
        }
        return value.getAsString();
    }

    private static boolean isString(JsonElement element) {
        return element.isJsonPrimitive() && ((JsonPrimitive) element).isString();
    }

    /** UTF-8 byte count without allocating; stops counting once over the limit. */
    static int utf8Length(String s) {
        if (s.length() > Protocol.MAX_FRAME_BYTES) {
            return s.length();
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String shortCause(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int seeHint = message.indexOf("\nSee ");
        return abbreviate(seeHint >= 0 ? message.substring(0, seeHint) : message);
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
