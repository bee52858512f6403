package app.duet.protocol;

/**
 * An {@link Request.Offer}, {@link Request.Answer} or {@link Request.Candidate} as a server relays it (from
 * {@link PassThroughCodec}): every field checked by its record's rules, the id and call id read, and the SDP or
 * candidate text kept as the client wrote it, to be copied into the event for the other member without being decoded. Only
 * {@link PassThroughCodec} makes one; {@code fields} is the frame as it read it.
 */
public record PassThrough(MessageType type, String id, String callId, FlatObject fields) implements Request.Relayed {
    /**
     * The event frame for the other member: the event of the same type, its fields copied from this request
     * as they came, {@code from} added; the request's id and any field the event does not have are left out.
     */
    public String eventFrame(String from) {
        // Never longer than the request plus the sender: one buffer, no growing.
        StringBuilder frame = new StringBuilder(fields.frameLength() + from.length() * 6 + 16);
        frame.append("{\"type\":\"").append(type.wireName()).append('"');
        for (RecordShape.Component c : RecordShape.of(type.eventClass().orElseThrow()).components()) {
            int member = fields.find(c.name());
            if (c.name().equals("from")) {
                frame.append(",\"from\":");
                JsonText.appendQuoted(frame, from);
            } else if (member >= 0 && fields.kind(member) != FlatObject.Kind.NULL) {
                frame.append(",\"").append(c.name()).append("\":");
                fields.appendValue(frame, member);
            }
        }
        return frame.append('}').toString();
    }

    @Override
    public String toString() {
        return "PassThrough[type=" + type + ", id=" + id + ", callId=" + callId + "]";
    }
}
