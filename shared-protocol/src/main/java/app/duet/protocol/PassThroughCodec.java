package app.duet.protocol;

import java.util.Arrays;
import java.util.List;

/**
 * Reads a client's frame as {@link ProtocolCodec#decodeRequest} does, except that a request the server only
 * passes on ({@link MessageType#passesThrough()}: offer, answer, candidate) comes as a
 * {@link PassThrough}, checked in place by {@link FlatObject} against every rule of its record, its
 * SDP or candidate text never decoded. A frame the in-place reader leaves alone goes to the full decoder,
 * so what is refused, and the error it gets, are what they always were. Thread-safe.
 */
public final class PassThroughCodec {
    private static final List<MessageType> PASSED_THROUGH =
            Arrays.stream(MessageType.values()).filter(MessageType::passesThrough).toList();

    private final ProtocolCodec codec;

    public PassThroughCodec(ProtocolCodec codec) {
        this.codec = codec;
    }

    public Request decodeRequest(String frame) throws ProtocolException {
        // Past a third of the limit in chars only the full decoder's byte count can tell whether it is too large.
        if (frame != null && frame.length() <= Protocol.MAX_FRAME_BYTES / 3) {
            PassThrough request = readInPlace(frame);
            if (request != null) {
                return request;
            }
        }
        Request request = codec.decodeRequest(frame);
        if (!request.type().passesThrough()) {
            return request;
        }
        // Valid but outside the plain subset (an escaped name, a field given twice...): its canonical form is not.
        PassThrough canonical = readInPlace(codec.encode(request));
        if (canonical == null) {
            throw new IllegalStateException("the codec's own " + request.type() + " frame is not flat JSON");
        }
        return canonical;
    }

    /** The request, or null unless the frame is flat, of a passed-through type and valid by its record's rules. */
    private static PassThrough readInPlace(String frame) {
        FlatObject fields = FlatObject.scan(frame);
        if (fields == null) {
            return null;
        }
        int typeField = fields.find("type");
        if (typeField < 0 || fields.kind(typeField) != FlatObject.Kind.STRING) {
            return null;
        }
        for (MessageType type : PASSED_THROUGH) {
            if (fields.textEquals(typeField, type.wireName())) {
                return valid(fields, type.requestClass().orElseThrow())
                        ? new PassThrough(type, text(fields, "id"), text(fields, "callId"), fields) : null;
            }
        }
        return null;
    }

    /**
     * What {@link FieldValidator} checks after gson has read the record, checked on the frame itself: each field
     * present (unless optional) with the right kind of value, strings within their length, non-empty unless
     * allowed, in their format. A field of another kind is left to the full decoder.
     */
    private static boolean valid(FlatObject fields, Class<?> recordClass) {
        for (RecordShape.Component c : RecordShape.of(recordClass).components()) {
            int member = fields.find(c.name());
            FlatObject.Kind kind = member < 0 ? FlatObject.Kind.NULL : fields.kind(member);
            if (kind == FlatObject.Kind.NULL) {
                if (!c.optional()) {
                    return false;
                }
            } else if (c.type() == String.class) {
                int length = fields.codePoints(member);
                if (kind != FlatObject.Kind.STRING || length > c.maxLength() || (length == 0 && !c.mayBeEmpty())
                        || (c.format() != null && !c.format().matches(fields.text(member)))) {
                    return false;
                }
            } else if (c.type() != Integer.class || kind != FlatObject.Kind.NUMBER) {
                // FlatObject's numbers are whole, 0 to Integer.MAX_VALUE: what the Integer adapter and rules accept.
                return false;
            }
        }
        return true;
    }

    private static String text(FlatObject fields, String name) {
        int member = fields.find(name);
        return member < 0 || fields.kind(member) != FlatObject.Kind.STRING ? null : fields.text(member);
    }
}
