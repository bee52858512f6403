package app.duet.protocol;

/**
 * A frame that is one flat JSON object, read in place: where each member's name and value lie, and for a
 * string how many code points it decodes to. Nothing is copied, so a 4 KB SDP can be checked and passed on
 * as it came.
 *
 * <p>It reads a plain subset of JSON, every frame of which gson's strict reader accepts with the same
 * meaning: values are strings, whole numbers from 0 to {@link Integer#MAX_VALUE}, true, false or null;
 * names have no escapes; no name comes twice. Anything else (nested values, fractions, escaped
 * surrogates, a byte-order mark...) makes {@link #scan} return null, and the caller hands the frame to the
 * full decoder, which accepts or refuses it as it always has.
 */
final class FlatObject {
    enum Kind { STRING, NUMBER, TRUE, FALSE, NULL }

    /** More members than a request has fields (unknown ones included): left to the full decoder. */
    private static final int MAX_MEMBERS = 12;
    private static final Kind[] KINDS = Kind.values();
    /** Per member: name start, name end, value start, value end (a string's with its quotes), kind, code points. */
    private static final int NAME = 0, NAME_END = 1, VALUE = 2, VALUE_END = 3, KIND = 4, CODE_POINTS = 5, SLOTS = 6;

    private final String frame;
    private final int[] members = new int[MAX_MEMBERS * SLOTS];
    private int count;
    /** Set by {@link #string}: the code points of the string just read, and whether it had escapes. */
    private int codePoints;
    private boolean escaped;

    private FlatObject(String frame) {
        this.frame = frame;
    }

    /** The frame's members, or null when the frame is outside the subset this reads. */
    static FlatObject scan(String frame) {
        FlatObject object = new FlatObject(frame);
        return object.read() ? object : null;
    }

    int frameLength() {
        return frame.length();
    }

    /** The index of the member with this name, or -1. */
    int find(String name) {
        for (int m = 0; m < count; m++) {
            int start = slot(m, NAME);
            if (slot(m, NAME_END) - start == name.length() && frame.regionMatches(start, name, 0, name.length())) {
                return m;
            }
        }
        return -1;
    }

    Kind kind(int member) {
        return KINDS[slot(member, KIND)];
    }

    /** A string's length in code points, as {@link FieldValidator#length} counts its decoded text. */
    int codePoints(int member) {
        return slot(member, CODE_POINTS);
    }

    /** Whether a string member is exactly {@code text} as written (no escapes). */
    boolean textEquals(int member, String text) {
        int start = slot(member, VALUE) + 1;
        return slot(member, VALUE_END) - 1 - start == text.length() && frame.regionMatches(start, text, 0, text.length());
    }

    /** A string member's decoded text. */
    String text(int member) {
        int start = slot(member, VALUE) + 1;
        int end = slot(member, VALUE_END) - 1;
        String raw = frame.substring(start, end);
        return raw.indexOf('\\') < 0 ? raw : unescape(raw);
    }

    /** Appends the member's value as it stands in the frame (a string with its quotes and escapes). */
    void appendValue(StringBuilder out, int member) {
        out.append(frame, slot(member, VALUE), slot(member, VALUE_END));
    }

    private int slot(int member, int field) {
        return members[member * SLOTS + field];
    }

    private boolean read() {
        int i = skipSpace(0);
        if (at(i) != '{') {
            return false;
        }
        i = skipSpace(i + 1);
        if (at(i) == '}') {
            return skipSpace(i + 1) == frame.length();
        }
        while (count < MAX_MEMBERS && at(i) == '"') {
            int nameEnd = string(i + 1);
            if (nameEnd < 0 || escaped || seen(i + 1, nameEnd - 1)) {
                return false;
            }
            int base = count * SLOTS;
            members[base + NAME] = i + 1;
            members[base + NAME_END] = nameEnd - 1;
            i = skipSpace(nameEnd);
            if (at(i) != ':') {
                return false;
            }
            i = skipSpace(i + 1);
            int valueEnd = value(i, base);
            if (valueEnd < 0) {
                return false;
            }
            members[base + VALUE] = i;
            members[base + VALUE_END] = valueEnd;
            count++;
            i = skipSpace(valueEnd);
            if (at(i) == '}') {
                return skipSpace(i + 1) == frame.length();
            }
            if (at(i) != ',') {
                return false;
            }
            i = skipSpace(i + 1);
        }
        return false;
    }

    /** Whether an earlier member has the name at {@code start..end}: gson would keep the last, this leaves it. */
    private boolean seen(int start, int end) {
        for (int m = 0; m < count; m++) {
            int other = slot(m, NAME);
            if (slot(m, NAME_END) - other == end - start && frame.regionMatches(other, frame, start, end - start)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the value at {@code i} into the member at {@code base}; returns where it ends, or -1. */
    private int value(int i, int base) {
        char c = at(i);
        Kind kind;
        int end;
        if (c == '"') {
            kind = Kind.STRING;
            end = string(i + 1);
            members[base + CODE_POINTS] = codePoints;
        } else if (c >= '0' && c <= '9') {
            kind = Kind.NUMBER;
            end = wholeNumber(i);
        } else if (frame.startsWith("true", i)) {
            kind = Kind.TRUE;
            end = i + 4;
        } else if (frame.startsWith("false", i)) {
            kind = Kind.FALSE;
            end = i + 5;
        } else if (frame.startsWith("null", i)) {
            kind = Kind.NULL;
            end = i + 4;
        } else {
            return -1;
        }
        members[base + KIND] = kind.ordinal();
        return end;
    }

    /** A whole number that fits an int, without leading zeros; what follows it is checked by the caller. */
    private int wholeNumber(int i) {
        int end = i;
        long value = 0;
        while (end < frame.length() && at(end) >= '0' && at(end) <= '9' && value <= Integer.MAX_VALUE) {
            value = value * 10 + (at(end) - '0');
            end++;
        }
        boolean leadingZero = at(i) == '0' && end - i > 1;
        return leadingZero || value > Integer.MAX_VALUE ? -1 : end;
    }

    /**
     * Reads a string's body from {@code i} (after its opening quote); returns the index after its closing
     * quote, or -1 for what this reader leaves to the full decoder: a control character, an unknown or
     * surrogate escape, an unpaired surrogate.
     */
    private int string(int i) {
        codePoints = 0;
        escaped = false;
        int length = frame.length();
        while (i < length) {
            int plainEnd = plainRun(frame, i, length);
            codePoints += plainEnd - i;
            i = plainEnd;
            if (i == length) {
                break;
            }
            char c = frame.charAt(i);
            if (c == '"') {
                return i + 1;
            } else if (c == '\\') {
                escaped = true;
                char e = at(i + 1);
                if (e == 'u') {
                    int unit = hex4(i + 2);
                    if (unit < 0 || Character.isSurrogate((char) unit)) {
                        return -1;
                    }
                    i += 6;
                } else if (e != 0 && "\"\\/bfnrt".indexOf(e) >= 0) {
                    i += 2;
                } else {
                    return -1;
                }
            } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(at(i + 1))) {
                i += 2;
            } else {
                return -1; // a control character or an unpaired surrogate
            }
            codePoints++;
        }
        return -1;
    }

    /**
     * Where the run of plain characters from {@code i} ends: one compare chain a character, in a loop small
     * enough for the JIT to unroll, for the bulk of an SDP (a plain character is one code point and needs no
     * further check). Plain: not a control character, quote, backslash or surrogate.
     */
    private static int plainRun(String text, int i, int end) {
        while (i < end) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                return i;
            }
            i++;
        }
        return i;
    }

    private int hex4(int i) {
        if (i + 4 > frame.length()) {
            return -1;
        }
        int value = 0;
        for (int k = i; k < i + 4; k++) {
            int digit = Character.digit(frame.charAt(k), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** The text of a string body whose escapes {@link #string} has checked. */
    private static String unescape(String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    text.append((char) Integer.parseInt(raw, i + 1, i + 5, 16));
                    i += 4;
                }
                default -> text.append(e); // \" \\ \/
            }
        }
        return text.toString();
    }

    /** JSON's whitespace, as gson's strict reader takes it. */
    private int skipSpace(int i) {
        while (i < frame.length()) {
            char c = frame.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** The char at {@code i}, or 0 past the end (0 never matches what the reader looks for). */
    private char at(int i) {
        return i < frame.length() ? frame.charAt(i) : 0;
    }
}
